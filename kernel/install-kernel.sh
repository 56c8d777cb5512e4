#!/usr/bin/env bash
# Installs the αVIL Java kernel as the Jupyter kernelspec "java", for the current user.
#
#   install-kernel.sh [KERNEL_JAR]
#
# KERNEL_JAR is the shaded kernel jar (target/avil-kernel-*.jar). Without it, the jar in
# target/ is used, and built first if it is missing. Maven calls this script with the jar it has
# just packaged (phase pre-integration-test of this module).
#
# The jar is copied to a stable place (replaced atomically, so running kernels are unaffected);
# the kernelspec goes where Jupyter looks for user kernels. Running it again just replaces both.
# Needs no root. Honours JAVA_HOME, XDG_DATA_HOME and JUPYTER_DATA_DIR.
set -euo pipefail

module_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

find_built_jar() {
    find "$module_dir/target" -maxdepth 1 -name 'avil-kernel-*.jar' \
        ! -name '*-sources.jar' ! -name '*-javadoc.jar' 2>/dev/null | head -n 1
}

jar=${1:-}
if [[ -z $jar ]]; then
    jar=$(find_built_jar)
    if [[ -z $jar ]]; then
        echo "install-kernel: no kernel jar in $module_dir/target, building it" >&2
        (cd "$module_dir/.." && mvn -B -q -pl kernel -am package -DskipTests)
        jar=$(find_built_jar)
    fi
fi
if [[ ! -f $jar ]]; then
    echo "install-kernel: kernel jar not found: ${jar:-<none>}" >&2
    exit 1
fi

if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    java=$JAVA_HOME/bin/java
else
    java=$(command -v java) || { echo "install-kernel: java not found" >&2; exit 1; }
fi

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
jar_dir=$data_home/avil-kernel
spec_dir=${JUPYTER_DATA_DIR:-$data_home/jupyter}/kernels/java
mkdir -p "$jar_dir" "$spec_dir"

stable_jar=$jar_dir/avil-kernel.jar
tmp=$(mktemp "$jar_dir/.avil-kernel.XXXXXX")
cp "$jar" "$tmp"
mv -f "$tmp" "$stable_jar"

json_string() { # JSON-quotes a string (paths here hold no control characters)
    local s=${1//\\/\\\\}
    printf '"%s"' "${s//\"/\\\"}"
}

tmp=$(mktemp "$spec_dir/.kernel.json.XXXXXX")
cat > "$tmp" <<JSON
{
  "argv": [$(json_string "$java"), "-jar", $(json_string "$stable_jar"), "{connection_file}"],
  "display_name": "Java (αVIL)",
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"debugger": false}
}
JSON
mv -f "$tmp" "$spec_dir/kernel.json"

echo "install-kernel: kernelspec java -> $spec_dir/kernel.json (jar $stable_jar, $java)"
