# Trunk's pre_build hook (see Trunk.toml): stops the build, naming the command that installs the
# tool, when trunk would otherwise download wasm-bindgen or wasm-opt. Trunk takes a tool from PATH
# when it is the required version, else from its own tool cache, else downloads it; this looks in
# the same two places first. It mirrors trunk 0.21's lookup (src/tools.rs) and cache folder.

wasm_bindgen=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q;}' Cargo.lock)
wasm_opt=$(sed -n 's/^wasm_opt *= *"\(.*\)".*/\1/p' Trunk.toml)

case "$(uname -s)" in
  Darwin) cache="$HOME/Library/Caches/dev.trunkrs.trunk" ;;
  *) case "${XDG_CACHE_HOME:-}" in
       /*) cache="$XDG_CACHE_HOME/trunk" ;;
       *) cache="$HOME/.cache/trunk" ;;
     esac ;;
esac

# has NAME VERSION FILE_IN_CACHE WORD: the cached file is executable, or NAME on PATH prints
# VERSION as the WORD-th word of its --version line (as trunk reads it).
has() {
  [ -x "$cache/$3" ] && return 0
  command -v "$1" >/dev/null 2>&1 || return 1
  [ "$("$1" --version 2>/dev/null | awk -v w="$4" '{ print $w; exit }')" = "$2" ]
}

missing="" yourself=""
if ! has wasm-bindgen "$wasm_bindgen" "wasm-bindgen-$wasm_bindgen/wasm-bindgen" 2; then
  missing="wasm-bindgen $wasm_bindgen (Cargo.lock's version)"
  yourself="
           wasm-bindgen: cargo install wasm-bindgen-cli --version $wasm_bindgen"
fi
if [ "${TRUNK_PROFILE:-}" = release ] && ! has wasm-opt "${wasm_opt#version_}" "wasm-opt-$wasm_opt/bin/wasm-opt" 3; then
  missing="${missing:+$missing and }wasm-opt $wasm_opt (Trunk.toml's pin)"
  yourself="$yourself
           wasm-opt: npm ci, then add node_modules/.bin to PATH"
fi
[ -z "$missing" ] && exit 0

cat >&2 <<EOF

error: trunk needs $missing:
       not on PATH at that version, and not in trunk's tool cache ($cache).
       The build stops here rather than let trunk download anything. To install what is missing,
       leaving your own tools as they are, run once:

           cargo xtask build

       (it installs into ~/.cache/llm-chronicle/tools and copies wasm-bindgen and wasm-opt into
       trunk's cache). Or put it on PATH yourself:$yourself
EOF
exit 1
