/**
 * Data on disk: the IDX reader and writer, locating the data sets, the MultiMNIST / MultiFashion
 * composer (Sener &amp; Koltun 2018), the texts of the text setting ({@link
 * dev.avil.data.TextData}) and the text setting itself ({@link dev.avil.data.FineFoodSentiment}).
 */
package dev.avil.data;
