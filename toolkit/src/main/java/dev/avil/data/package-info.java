/**
 * Data on disk: the IDX reader and writer, locating the data sets, the MultiMNIST / MultiFashion
 * composer (Sener &amp; Koltun 2018), the reader of R packages' data ({@link dev.avil.data.Rdata})
 * and the texts of the text setting ({@link dev.avil.data.TextData}).
 */
package dev.avil.data;
