// Wargames pages: a placeholder that registers nothing yet (the wargame pages replace it).
