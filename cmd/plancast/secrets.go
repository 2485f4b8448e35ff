package main

import (
	"flag"
	"strings"
	"unicode"
)

// settingName is how a setting is named in a message about its value: the
// flag when it was given, else the environment variable it came from.
func settingName(fs *flag.FlagSet, flagName, env string) string {
	if fs == nil || flagGiven(fs, flagName) {
		return "--" + flagName
	}
	return env
}

// secretValue is a token's value as a request can carry it: without the
// whitespace around it. An HTTP header loses that whitespace, so a token
// kept with it could never be sent (the server's --read-token from a
// secret file ending in a newline locked every reader out), and a client's
// failed with Go's "invalid header field value". A value blank but for
// whitespace, or holding a control character inside, is refused, naming
// where it came from (name) and what to do. "" stays "" (not set).
func secretValue(name, value string) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" && value != "" {
		return "", usageErrorf("%s is blank (only whitespace): give the token, or leave %s unset", name, name)
	}
	for i, r := range []rune(v) {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return "", usageErrorf("%s holds %q at character %d: a token is one word, and an HTTP header cannot carry that; give the token alone", name, r, i+1)
		}
	}
	return v, nil
}

// minReadToken is the shortest --read-token taken: it is a password for
// every read route (the tokens plancast makes have 46 characters).
const minReadToken = 8
