#!/bin/sh
# The README's commands on a machine whose ~/.cargo/bin already holds another trunk and
# wasm-bindgen, in a throwaway HOME where those are fakes printing other versions:
#   1. `cargo xtask build` works, taking trunk and wasm-bindgen from the project tool cache;
#   2. plain `trunk build --release` then works with every network request sent to a closed port;
#   3. `cargo xtask serve` serves the widget;
#   4. with --full, `cargo xtask test` passes;
# and afterwards the fakes are untouched. With --cold, `cargo xtask test` runs first and alone
# (implies --no-seed; run it on a fresh clone for a cold run, from an empty tool cache).
#
# cargo puts $CARGO_HOME/bin first on the PATH of what it runs, so the fakes must be in
# CARGO_HOME/bin itself. As root with unshare(1), the throwaway ~/.cargo/bin is bind-mounted over
# the real one in a private mount namespace (nothing outside this script sees it), so CARGO_HOME,
# the crates and everything already compiled stay where they are. Otherwise CARGO_HOME moves into
# the throwaway HOME (its registry a link to the real one) and the build starts cold in a target
# folder of its own, because cargo's fingerprints include the crates' paths.
#
# The project tool cache starts seeded with copies of the right trunk and wasm-bindgen from PATH,
# so the check takes minutes, not the quarter of an hour that compiling them takes; with --no-seed
# xtask installs them as on a fresh machine.
#
# Usage: sh xtask/test-fake-home.sh [--full | --cold] [--no-seed] [--keep]
set -eu
cd "$(dirname "$0")/.."
real_cargo_home=${CARGO_HOME:-$HOME/.cargo}
real_rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
# The PATH a developer's shell has, before this script changes anything.
node_dir=$(dirname "$(command -v node)")

if [ "${1:-}" = --in-namespace ]; then
  shift
  mode=namespace
elif [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 && unshare -m true 2>/dev/null; then
  exec unshare -m sh "$0" --in-namespace "$@"
else
  mode=separate
fi

full=false seed=true keep=false cold=false
for a in "$@"; do
  case "$a" in
    --full) full=true ;;
    --cold) cold=true full=true seed=false ;;
    --no-seed) seed=false ;;
    --keep) keep=true ;;
    *) echo "usage: sh xtask/test-fake-home.sh [--full | --cold] [--no-seed] [--keep]" >&2; exit 2 ;;
  esac
done

trunk_version=$(sed -n 's/^pub const TRUNK_VERSION: &str = "\(.*\)";/\1/p' xtask/src/tools.rs)
wb=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q;}' Cargo.lock)
fake=$(mktemp -d "${TMPDIR:-/tmp}/llmc-fake-home.XXXXXX")
log="$fake/log"
step() { printf '\n=== %s\n' "$*"; }
fail() { printf '\nFAILED: %s (log: %s)\n' "$*" "$log" >&2; exit 1; }

tools="$fake/.cache/llm-chronicle/tools"
if $seed; then
  step "seed the project tool cache with copies of trunk $trunk_version and wasm-bindgen $wb from PATH"
  t=$(command -v trunk || true)
  [ -n "$t" ] && [ "$("$t" --version)" = "trunk $trunk_version" ] || fail "no trunk $trunk_version on PATH to seed from (use --no-seed)"
  w=$(command -v wasm-bindgen || true)
  [ -n "$w" ] && [ "$("$w" --version)" = "wasm-bindgen $wb" ] || fail "no wasm-bindgen $wb on PATH to seed from (use --no-seed)"
  mkdir -p "$tools/trunk-$trunk_version/bin" "$tools/wasm-bindgen-$wb/bin"
  cp "$t" "$tools/trunk-$trunk_version/bin/"
  cp "$w" "$(dirname "$w")/wasm-bindgen-test-runner" "$tools/wasm-bindgen-$wb/bin/"
fi

step "a throwaway HOME at $fake; its ~/.cargo/bin has another trunk and wasm-bindgen ($mode)"
bin="$fake/.cargo/bin"
mkdir -p "$bin"
for t in trunk wasm-bindgen wasm-bindgen-test-runner; do
  printf '#!/bin/sh\necho "%s 0.0.1-fake"\n' "$t" > "$bin/$t"
  chmod +x "$bin/$t"
done
# rustup's proxies (cargo, rustc, …) are links to one binary, which picks the tool by its name.
cp "$real_cargo_home/bin/rustup" "$bin/rustup"
for t in cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -s rustup "$bin/$t"
done
cksum "$bin/trunk" "$bin/wasm-bindgen" "$bin/wasm-bindgen-test-runner" > "$fake/before"

if [ "$mode" = namespace ]; then
  mount --bind "$bin" "$real_cargo_home/bin"
  cargo_home=$real_cargo_home
else
  ln -s "$real_cargo_home/registry" "$fake/.cargo/registry"
  [ -d "$real_cargo_home/git" ] && ln -s "$real_cargo_home/git" "$fake/.cargo/git"
  cargo_home="$fake/.cargo"
  export CARGO_TARGET_DIR="$fake/target"
fi
fake_path="$fake/.cargo/bin:$node_dir:/usr/local/bin:/usr/bin:/bin"

# A command as a developer with this HOME would run it: no XDG, tool or browser overrides.
in_fake() {
  env -u XDG_CACHE_HOME -u LLMC_TOOLS_DIR -u CHROMIUM -u CHROME -u CHROMEDRIVER \
    HOME="$fake" PATH="$fake_path" CARGO_HOME="$cargo_home" RUSTUP_HOME="$real_rustup_home" "$@"
}

if ! $cold; then
step "cargo xtask build"
in_fake cargo xtask build > "$log" 2>&1 || { tail -30 "$log"; fail "cargo xtask build"; }
grep -E "^using|^copying|^\(PATH|^==>" "$log"
grep -q "using trunk $trunk_version from $tools/trunk-$trunk_version/bin" "$log" || fail "trunk did not come from the tool cache"
grep -q "using wasm-bindgen $wb from $tools/wasm-bindgen-$wb/bin" "$log" || fail "wasm-bindgen did not come from the tool cache"

step "plain trunk build --release, every request sent to a closed port"
closed=http://127.0.0.1:9
in_fake env PATH="$tools/trunk-$trunk_version/bin:$fake_path" \
  HTTP_PROXY=$closed HTTPS_PROXY=$closed ALL_PROXY=$closed http_proxy=$closed https_proxy=$closed \
  all_proxy=$closed CARGO_HTTP_PROXY=$closed NO_PROXY= no_proxy= \
  trunk build --release > "$fake/plain.log" 2>&1 || { tail -30 "$fake/plain.log"; fail "plain trunk build --release"; }
grep -i "download" "$fake/plain.log" && fail "trunk mentions a download"
grep -q "success" "$fake/plain.log" || fail "trunk did not report success"
echo "ok: built, nothing downloaded"

step "cargo xtask serve, until it serves the page"
port=18765
# Not through in_fake: $! must be the process that becomes the new session's leader, so that
# its whole group (cargo, xtask, trunk) can be stopped at the end.
env -u XDG_CACHE_HOME -u LLMC_TOOLS_DIR HOME="$fake" PATH="$fake_path" CARGO_HOME="$cargo_home" \
  RUSTUP_HOME="$real_rustup_home" setsid cargo xtask serve --port "$port" >> "$log" 2>&1 &
serve_pid=$!
served=false
i=0
while [ $i -lt 900 ]; do
  if curl -sf "http://127.0.0.1:$port/" 2>/dev/null | grep -q 'id="llm-chronicle"'; then served=true; break; fi
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 1
  i=$((i + 1))
done
# kill(1), not the shell's builtin, which may not take a process group.
env kill -TERM -- "-$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
$served || { tail -30 "$log"; fail "cargo xtask serve did not serve the page"; }
echo "ok: served after ${i} s"
fi

if $full; then
  step "cargo xtask test"
  in_fake cargo xtask test >> "$log" 2>&1 || true
  sed -n '/^Step times:/,$p' "$log"
  grep -q "All test tiers passed" "$log" || { tail -40 "$log"; fail "cargo xtask test"; }
fi

step "the developer's own tools are untouched"
cksum "$bin/trunk" "$bin/wasm-bindgen" "$bin/wasm-bindgen-test-runner" > "$fake/after"
diff "$fake/before" "$fake/after" || fail "a tool in ~/.cargo/bin changed"
for t in trunk wasm-bindgen wasm-bindgen-test-runner; do
  [ "$("$bin/$t" --version)" = "$t 0.0.1-fake" ] || fail "$t changed"
done
[ -z "$(ls "$bin" | grep -v -x -e trunk -e wasm-bindgen -e wasm-bindgen-test-runner -e rustup -e cargo \
  -e rustc -e rustdoc -e rustfmt -e cargo-fmt -e cargo-clippy -e clippy-driver)" ] || fail "something was installed into ~/.cargo/bin: $(ls "$bin")"
echo "ok: unchanged, and nothing added"

$keep || rm -rf "$fake"
echo
echo "PASSED"
