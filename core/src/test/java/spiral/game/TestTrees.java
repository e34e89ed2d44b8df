package spiral.game;

/** Game files the core's solver tests and the command line's share (the core's test jar). */
public final class TestTrees {
  private TestTrees() {}

  /**
   * Player 1 ends the game (L) or passes to player 2, whose l gives player 1 a second move; (L, r)
   * is its one isolated equilibrium, checked by hand.
   */
  public static final String HAND =
      "EFG 2 R \"hand\" { \"1\" \"2\" } \"\"\n"
          + "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
          + "t \"\" 1 \"\" { 2, 0 }\n"
          + "p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n"
          + "p \"\" 1 2 \"\" { \"a\" \"b\" } 0\n"
          + "t \"\" 2 \"\" { 3, 1 }\n"
          + "t \"\" 3 \"\" { 0, 0 }\n"
          + "t \"\" 4 \"\" { 1, 2 }\n";

  /**
   * A two-player tree whose reduced strategic form has 2^cases strategies per player: chance
   * picks one of the cases, player 1 sees it and picks a or b, player 2 sees the case (not the
   * choice) and picks l or r.
   */
  public static String cases(int cases) {
    StringBuilder b = new StringBuilder("EFG 2 R \"cases\" { \"P1\" \"P2\" }\n");
    b.append("c \"\" 1 \"\" {");
    for (int k = 1; k <= cases; k++) {
      b.append(" \"").append(k).append("\" 1/").append(cases);
    }
    b.append(" } 0\n");
    int outcome = 0;
    for (int k = 1; k <= cases; k++) {
      b.append("p \"\" 1 ").append(k).append(" \"\" { \"a\" \"b\" } 0\n");
      for (int a = 0; a < 2; a++) {
        b.append("p \"\" 2 ").append(k).append(" \"\" { \"l\" \"r\" } 0\n");
        for (int l = 0; l < 2; l++) {
          b.append("t \"\" ").append(++outcome).append(" \"\" { ").append((k * 7 + a * 3 + l) % 11)
              .append(", ").append((k * 5 + a + l * 3) % 13).append(" }\n");
        }
      }
    }
    return b.toString();
  }
}
