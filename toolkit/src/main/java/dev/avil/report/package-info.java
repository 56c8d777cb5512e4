/**
 * Views of results: Tablesaw tables, jsplot figures, CSV, and standalone HTML with plotly.js
 * inlined so that it opens offline. Nothing here trains.
 */
package dev.avil.report;
