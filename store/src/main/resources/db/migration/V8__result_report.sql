-- A result may keep the self-contained HTML report the command line writes with --report for the
-- same analysis (options, study, calibrate, negotiate), made when the job finished, so that the
-- web app offers it as a download. Results stored before, and kinds without a report, have none.
-- Same SQL dialect as V1 (H2 2.x and PostgreSQL 14+).

ALTER TABLE result ADD COLUMN report TEXT;
