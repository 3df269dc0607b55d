#!/usr/bin/env bash
# Writes the build's version and the commit it was made from into a Java properties file, for
# `custody --version`. Usage: build-info.sh SOURCE_DIR VERSION OUT_FILE
# git is asked about SOURCE_DIR itself, so a linked worktree reports its own commit and changes. A
# tree with uncommitted changes (modified, staged or new files not ignored) is git.dirty=true. Outside
# a git checkout (or without git) only the version is written: the commit and its state are unknown,
# and `custody --version` says so instead of guessing.
set -u
src=$1 version=$2 out=$3
mkdir -p "$(dirname "$out")"
tmp=$(mktemp "$out.XXXXXX")
{
  echo "# written by scripts/build-info.sh"
  echo "git.build.version=$version"
  if command -v git >/dev/null 2>&1 && commit=$(git -C "$src" rev-parse --short=7 HEAD 2>/dev/null); then
    echo "git.commit.id.abbrev=$commit"
    echo "git.commit.time=$(TZ=UTC git -C "$src" show -s --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ HEAD | sed 's/:/\\:/g')"
    if status=$(git -C "$src" status --porcelain 2>/dev/null); then
      if [[ -n "$status" ]]; then echo "git.dirty=true"; else echo "git.dirty=false"; fi
    fi
  fi
} >"$tmp"
# rewrite only on change, so an unchanged build leaves the jar's inputs untouched
if cmp -s "$tmp" "$out"; then rm -f "$tmp"; else mv -f "$tmp" "$out"; fi
