package spiral.wargame;

/**
 * A public event of a wargame, seen by every seat and observer: the opening attack, talks opening,
 * collapsing, going on or succeeding, nuclear use, the end.
 *
 * @param turn the turn it happened on (0 = the initiating event)
 * @param text what happened, in plain English
 */
public record GameEvent(int turn, String text) {}
