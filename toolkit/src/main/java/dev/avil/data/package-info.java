/**
 * Data on disk: the IDX reader and writer, locating MNIST and Fashion-MNIST, and the MultiMNIST /
 * MultiFashion composer (Sener &amp; Koltun 2018).
 */
package dev.avil.data;
