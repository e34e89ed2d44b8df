package spiral.game;

import java.util.List;

/** A finite game read from or written to Gambit's formats: strategic or extensive. */
public sealed interface Game permits StrategicGame, ExtensiveGame {
  /** The game's title. */
  String title();

  /** The free-text comment (may be empty). */
  String comment();

  /** Player names, in order. */
  List<String> players();

  /** Number of players. */
  default int numPlayers() {
    return players().size();
  }
}
