#!/usr/bin/env bash
# Installs jixiao under PREFIX (default /usr/local): a release binary with the Swift runtime
# linked in (it needs only the system's C libraries and libedit), its man page made from
# `jixiao --help`, and bash, zsh and fish completion scripts made by the binary itself.
#
#   scripts/install.sh [PREFIX]
#
# JIXIAO_BINARY=path installs an already built binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
if [[ -n "${JIXIAO_BINARY:-}" ]]; then
  binary="$JIXIAO_BINARY"
else
  swift build -c release --static-swift-stdlib --product jixiao
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/jixiao"
fi
version="$("$binary" --version)"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" "$prefix/share/jixiao/datasets"
install -m 755 "$binary" "$prefix/bin/jixiao"

# The man page: the usage text as `jixiao --help` prints it, under the usual sections.
{
  printf '.TH JIXIAO 1 "" "%s" "User Commands"\n' "$version"
  printf '.SH NAME\njixiao \\- an interactive query shell over budget performance self-evaluations\n'
  printf '.SH DESCRIPTION\n.nf\n'
  "$binary" --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"
  printf '.fi\n.SH FILES\n.nf\n'
  printf '$XDG_CONFIG_HOME/jixiao/jixiaorc, ~/.jixiaorc   statements run at start (not with --no-rc)\n'
  printf '$XDG_CONFIG_HOME/jixiao/rules/*.json            rule sets added to the built-in ones\n'
  printf '$XDG_STATE_HOME/jixiao/history                  the interactive history\n'
  printf '%s/share/jixiao/datasets                        the bundled example report (--data)\n' "$prefix"
  printf '.fi\n.SH SEE ALSO\nThe statements: type help in the shell.\n'
} >"$prefix/share/man/man1/jixiao.1"

"$binary" --generate-completion-script bash >"$prefix/share/bash-completion/completions/jixiao"
"$binary" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_jixiao"
"$binary" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/jixiao.fish"
install -m 644 datasets/*.csv "$prefix/share/jixiao/datasets/"
echo "installed $version in $prefix"
