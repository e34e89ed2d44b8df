package spiral.report;

import static spiral.report.Html.esc;

import java.util.List;

/**
 * The page shell of every HTML report, and the small pieces every report is built of: the page
 * with its inline CSS and its two inline scripts (sortable tables; a self-check that sets {@code
 * <body data-ready="1">} when every chart has data), summary cards, the illustrative-assumptions
 * callout and the footer's settings list. Knows no domain: callers pass escaped HTML or plain text
 * as each method says. Nothing is loaded from outside the page (a content security policy forbids
 * it). Cost: linear in the HTML passed in.
 */
public final class Page {
  private Page() {}

  /**
   * A summary card: a key (plain text, escaped here), a value and a line under it (both HTML,
   * already escaped by the caller).
   */
  public static String card(String key, String valueHtml, String subHtml) {
    return "<div class=\"card\"><div class=\"k\">" + esc(key) + "</div><div class=\"v\">"
        + valueHtml + "</div><div class=\"s\">" + subHtml + "</div></div>\n";
  }

  /**
   * The illustrative-assumptions callout: the scenario's list of illustrative parameters (plain
   * text, escaped here), or, when it lists none, the warning that everything is illustrative.
   */
  public static String callout(List<String> illustrative) {
    StringBuilder b = new StringBuilder();
    b.append("<aside class=\"callout\" id=\"illustrative\" role=\"note\">\n")
        .append("<h2>&#9888; Illustrative assumptions</h2>\n")
        .append("<p><b>These numbers show what the model implies under the assumptions below, not "
            + "a forecast.</b> The following parameters are illustrative:</p>\n<ul>\n");
    if (illustrative == null || illustrative.isEmpty()) {
      b.append("<li>(the scenario lists none: treat every weight, probability and cost as "
          + "illustrative)</li>\n");
    } else {
      for (String s : illustrative) {
        b.append("<li>").append(esc(s)).append("</li>\n");
      }
    }
    return b.append("</ul>\n</aside>\n").toString();
  }

  /**
   * The illustrative-assumptions callout of a report on sweep results: the scenario's list, or,
   * when {@code illustrative} is null (the sweep file was not beside the results), a warning that
   * it cannot be listed.
   */
  public static String sweepCallout(List<String> illustrative) {
    if (illustrative != null) {
      return callout(illustrative);
    }
    return "<aside class=\"callout\" id=\"illustrative\" role=\"note\">\n<h2>&#9888; "
        + "Illustrative assumptions</h2>\n<p><b>The sweep file was not found next to the "
        + "results, so the scenario's illustrative assumptions cannot be listed:</b> treat every "
        + "weight, probability and cost as illustrative.</p>\n</aside>\n";
  }

  /**
   * Closes a report's settings list and footer with the sentence saying which inputs make the
   * page reproducible, and that it loads nothing from outside itself.
   */
  public static void closeFooter(StringBuilder b, String sameInputs) {
    b.append("</dl>\n<p class=\"muted\">").append(sameInputs)
        .append(" This page loads nothing from outside itself.</p>\n</footer>\n");
  }

  private static final String CSS = """
      *{box-sizing:border-box}
      html{font-size:18px;-webkit-text-size-adjust:100%}
      body{margin:0;font-family:%FONT%;color:#111;background:#fff;line-height:1.45}
      main{max-width:1440px;margin:0 auto;padding:20px 32px 40px}
      h1{font-size:2.1rem;line-height:1.2;margin:.1em 0 .4em}
      h2{font-size:1.6rem;line-height:1.25;margin:1.6em 0 .5em;padding-top:.5em;border-top:4px solid #111}
      h3{font-size:1.25rem;margin:1.2em 0 .4em}
      code{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.92em}
      .kicker{font-size:1rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#0072B2;margin:0}
      .lead{font-size:1.15rem;max-width:74em}
      .prose{max-width:74em}
      .source{font-size:.9rem;color:#333}
      .meta{color:#333;margin:.2em 0 .6em}
      .muted{color:#444;font-size:14px;display:block}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(270px,1fr));gap:16px;margin:18px 0 8px}
      .card{border:3px solid #111;border-radius:10px;padding:12px 16px;background:#fff}
      .card .k{font-size:15px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#0072B2}
      .card .v{font-size:1.5rem;font-weight:800;overflow-wrap:anywhere;margin:.15em 0}
      .card .s{font-size:16px;color:#222}
      .callout{border:3px solid #111;border-left:16px solid #E69F00;background:#FFF4D6;padding:6px 24px 10px;margin:28px 0;border-radius:8px}
      .callout h2{border:0;margin:.4em 0 .2em;padding:0}
      .callout li{margin:.2em 0}
      .attack{border:3px solid #D55E00;border-radius:8px;padding:4px 18px;margin:16px 0;background:#FDF0E8}
      .attack .k{font-weight:800;color:#B34700;text-transform:uppercase;letter-spacing:.05em;font-size:15px;margin-top:8px}
      .two{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:28px}
      @media (max-width:1100px){.two{grid-template-columns:1fr}}
      .scroll{overflow-x:auto}
      table.data{border-collapse:collapse;width:100%;font-size:16px;margin:8px 0 16px}
      table.data th,table.data td{padding:6px 6px;border-bottom:1px solid #bbb;text-align:left;vertical-align:top}
      table.data th{background:#EDEDED;border-bottom:3px solid #111;font-size:15px;vertical-align:bottom}
      table.data .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.data th.n{white-space:normal}
      table.data .id{white-space:nowrap}
      table.options{font-size:15px}
      table.options td code{font-size:14px}
      .tags{display:block}
      td.n .badge{margin-top:3px}
      table.data tbody tr:nth-child(even){background:#F7F7F7}
      table.data tr.best td{background:#DDEFFA;font-weight:600}
      table.sortable th{cursor:pointer}
      table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
      table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
      .ci{display:block;font-size:14px;color:#333;font-weight:400;white-space:nowrap}
      .badge{display:inline-block;padding:0 8px;margin:2px 0;border-radius:12px;font-size:14px;font-weight:700;border:2px solid #111;white-space:nowrap}
      .badge.best{background:#111;color:#fff}
      .badge.front{background:#fff}
      .badge.real{background:#A14000;border-color:#A14000;color:#fff}
      .badge.warn{background:#FFF4D6;border-color:#E69F00}
      .sw{display:inline-block;width:14px;height:14px;border:1.5px solid #111;border-radius:50%;margin-right:6px;vertical-align:-1px}
      .bar{display:inline-block;width:160px;height:16px;background:#EEE;border:1px solid #888;vertical-align:middle}
      .bar span{display:block;height:100%}
      .shift{font-size:1.3rem;font-weight:700;border-left:10px solid #0072B2;padding:8px 18px;background:#EAF4FB;max-width:74em}
      .shift.small{font-size:1.05rem;font-weight:600}
      .verdict{font-size:1.1rem}
      figure.chart{margin:14px 0 30px}
      figure.chart svg{display:block;width:100%;height:auto;max-width:100%}
      figcaption{font-size:16px;color:#222;margin-top:8px;max-width:74em}
      .nodata{border:2px dashed #888;padding:10px 14px;color:#333}
      .ok{color:#00694D;font-weight:800}
      .no{color:#A13F00;font-weight:800}
      .card .v .small{font-size:1.15rem;font-weight:700;display:block}
      .card .v .pu{display:inline-block;margin-right:14px;white-space:nowrap}
      ul.lv{list-style:none;margin:2px 0 0;padding:0;font-size:15px;line-height:1.35}
      ul.lv .is{color:#444;font-size:14px}
      ul.lv .is::after{content:":"}
      .us{font-size:15px;white-space:nowrap}
      .chip{display:inline-block;border:1.5px solid #555;border-radius:6px;padding:0 7px;margin:2px 0;background:#F4F4F4}
      .arrow{color:#555}
      .wbar{display:block;height:8px;background:#EEE;margin-top:3px}
      .wbar span{display:block;height:100%}
      table.data tr.acc td{background:#E3F4EC}
      table.data td.none{color:#555}
      table.data td.pname{min-width:12em;max-width:26em}
      ul.lv li{white-space:nowrap}
      .same{font-size:14px;color:#444;font-style:italic}
      table.months td:first-child{white-space:nowrap}
      table.months tr.best td{font-weight:400}
      td.actor{white-space:nowrap}
      table.data td.stmt{min-width:18em}
      table.data td.src{font-size:15px;color:#333;min-width:10em}
      table.data td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
      .bar.wide{width:420px;height:22px}
      .split{font-size:1.1rem;margin:8px 0}
      .defs{border:2px solid #111;border-radius:8px;padding:4px 18px 8px;margin:8px 0 24px;background:#FAFAFA;max-width:74em}
      .defs h3{margin:.6em 0 .3em}
      .defs dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0;font-size:16px}
      .defs dt{font-weight:700;white-space:nowrap}
      .defs dd{margin:0}
      .sw.sq{border-radius:3px}
      ul.game{max-width:74em}
      ul.game li{margin:.3em 0}
      footer{margin-top:40px}
      footer dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;font-size:16px}
      footer dt{font-weight:700}
      footer dd{margin:0}
      @media print{.callout,.card,table.data tr{break-inside:avoid}figure.chart{break-inside:avoid}}
      """;

  /** Sorts a table by a clicked header; numbers by their data-sort key, missing values last. */
  private static final String SORT_JS = """
      (function () {
        var tables = document.querySelectorAll('table.sortable');
        for (var t = 0; t < tables.length; t++) {
          (function (table) {
            var heads = table.tHead.rows[0].cells;
            for (var i = 0; i < heads.length; i++) {
              (function (th, col) {
                th.tabIndex = 0;
                th.title = 'Sort by this column';
                var sort = function () {
                  var asc = th.getAttribute('aria-sort') !== 'ascending';
                  for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute('aria-sort'); }
                  th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var key = function (row) {
                    var cell = row.cells[col];
                    var v = cell.getAttribute('data-sort');
                    if (v === null) { return cell.textContent.trim().toLowerCase(); }
                    return v === '' ? null : parseFloat(v);
                  };
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
                    var c = x < y ? -1 : x > y ? 1 : 0;
                    return asc ? c : -c;
                  });
                  for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
                };
                th.addEventListener('click', sort);
                th.addEventListener('keydown', function (e) {
                  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
                });
              })(heads[i], i);
            }
          })(tables[t]);
        }
      })();
      """;

  /** Sets body[data-ready] to "1" when every chart has data marks and an svg, else lists them. */
  private static final String READY_JS = """
      (function () {
        var bad = [];
        var figures = document.querySelectorAll('figure.chart');
        for (var i = 0; i < figures.length; i++) {
          var f = figures[i];
          var n = parseInt(f.getAttribute('data-points'), 10);
          if (!(n > 0) || !f.querySelector('svg')) { bad.push(f.getAttribute('data-chart')); }
        }
        if (figures.length === 0) { bad.push('no charts'); }
        document.body.setAttribute('data-ready', bad.length ? 'failed: ' + bad.join(', ') : '1');
      })();
      """;

  /**
   * The whole self-contained page: doctype, content security policy, the title (plain text,
   * escaped here), the inline CSS, {@code main} (HTML, already escaped) and the two scripts.
   */
  public static String page(String title, String main) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        + "<meta name=\"generator\" content=\"Spiral\">\n"
        + "<title>" + esc(title) + "</title>\n<style>\n"
        + CSS.replace("%FONT%", Svg.FONT) + "</style>\n</head>\n"
        + "<body data-ready=\"0\">\n<main>\n" + main + "</main>\n"
        + "<script>\n" + SORT_JS + "</script>\n<script>\n" + READY_JS + "</script>\n"
        + "</body>\n</html>\n";
  }

  /** Appends one term of a definition list: the key as plain text, the value as HTML. */
  public static void dl(StringBuilder b, String key, String valueHtml) {
    b.append("<dt>").append(esc(key)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
  }

  /** The first value that is neither null nor blank, or the empty string. */
  public static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
