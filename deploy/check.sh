#!/usr/bin/env bash
# Checks the deployment artifacts with their own maintained tools (issue 11): Prometheus's promtool for the
# scrape config, the alert rules and the rules' unit tests. Installs Debian's prometheus package when missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v promtool >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The config names its bearer-token file beside it; promtool checks that the file exists.
cp prometheus/prometheus.yml prometheus/alerts.yml "$work/"
head -c 24 /dev/urandom | base64 > "$work/canteen-metrics-token"
promtool check config "$work/prometheus.yml"
promtool check rules prometheus/alerts.yml
(cd prometheus && promtool test rules alerts.test.yml)
echo "deploy/: all checks passed"
