// Charts for the result pages, drawn as SVG (filled in below).
