package spiral.server;

/** Wargames over the default database: an H2 file in a temporary data folder. */
class H2GameApiTest extends GameApiContract {}
