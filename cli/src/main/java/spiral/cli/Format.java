package spiral.cli;

/** Output formats of the analysis commands. */
enum Format {
  table,
  json,
  csv
}
