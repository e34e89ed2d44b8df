package spiral.wargame;

/**
 * A seat at a wargame.
 *
 * @param id the seat id: the actor id ({@link Seating#SIDES}) or {@code actor/faction} ({@link
 *     Seating#FACTIONS})
 * @param side 0 for the initiator, 1 for the responder
 * @param sideName {@code "red"} (initiator) or {@code "blue"} (responder)
 * @param actor the side's principal actor id
 * @param actorName its display name
 * @param faction the faction id, or null for a side seat
 * @param factionName the faction's display name, or null for a side seat
 */
public record SeatInfo(
    String id,
    int side,
    String sideName,
    String actor,
    String actorName,
    String faction,
    String factionName) {}
