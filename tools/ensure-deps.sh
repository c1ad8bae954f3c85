#!/bin/sh
# Make sure the build can find libyaml.  As root on Debian, install it;
# otherwise say exactly what to install.
if pkg-config --exists yaml-0.1 2>/dev/null || [ -f /usr/include/yaml.h ]; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "plaint: installing libyaml-dev and pkg-config (apt-get)" >&2
	apt-get update -qq && apt-get install -y -qq libyaml-dev pkg-config >&2 && exit 0
fi
echo "plaint: the build needs libyaml: run 'sudo apt-get install libyaml-dev pkg-config'" >&2
exit 1
