package spiral.wargame;

import java.util.List;

/**
 * What an observer sees of a running wargame: public events only, the turn and whose move it is.
 *
 * @param scenario the scenario id
 * @param scenarioName its display name
 * @param turn the turn awaiting moves, or the last turn played when over
 * @param over whether the game has ended
 * @param outcome the outcome name when over, else null
 * @param sideToMove the side to move (0 red, 1 blue), -1 when over
 * @param sideToMoveName {@code "red"}, {@code "blue"}, or null when over
 * @param awaiting the human seats whose move the turn still needs
 * @param events the public events so far
 */
public record PublicView(
    String scenario,
    String scenarioName,
    int turn,
    boolean over,
    String outcome,
    int sideToMove,
    String sideToMoveName,
    List<String> awaiting,
    List<GameEvent> events) {}
