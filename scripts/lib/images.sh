# The images step: builds the five service images with Jib (no Docker daemon needed) and pushes them to
# REGISTRY, tagged with the git revision. Jib reads the registry credentials (GITEA_USER, GITEA_TOKEN) from
# the environment through the root pom, never from the command line.
# shellcheck shell=bash

check_images() {
  need REGISTRY "image registry and namespace, e.g. git.example.com/mindroom"
  need GITEA_USER "user name at the registry"
  need GITEA_TOKEN "token (or password) at the registry, with package write access"
  need_tool java "a JDK 17 runs the Maven build"
  need_tool git "git names the revision the images are tagged with"
}

step_images() {
  local stamp=$STATE_DIR/images/$IMAGE_TAG
  if [ -f "$stamp" ]; then
    say "images $REGISTRY/*:$IMAGE_TAG were already pushed from this checkout ($stamp)"
    return 0
  fi
  run "$MAVEN" -B -q -DskipTests install -pl "$SERVICES" -am
  run "$MAVEN" -B -q jib:build -pl "$SERVICES" -Dmindroom.image.tag="$IMAGE_TAG"
  if [[ $IMAGE_TAG != *-dirty ]]; then
    run mkdir -p "$STATE_DIR/images"
    run touch "$stamp"
  fi
}
