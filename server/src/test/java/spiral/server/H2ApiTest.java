package spiral.server;

/** The API over the default database: an H2 file in a temporary data folder. */
class H2ApiTest extends ApiContract {}
