package main

import (
	"fmt"
	"net/url"
	"strings"
)

// checkURL refuses a URL flag's value that no request could be sent to,
// before any connection is tried, naming the flag, the value and the fix:
// without a scheme ("localhost:8086") Go's client answered "unsupported
// protocol scheme" or a parse error, which read as an unreachable server or
// as Go's internals. rootOnly is for --server, which takes the server's root
// URL: the API's paths are added to it, so a path given ("/api/v1", copied
// from the docs) made every request a bare 404. It returns the URL without a
// trailing slash.
func checkURL(flagName, value string, rootOnly bool) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", usageErrorf("%s is empty: give a URL such as http://localhost:8080", flagName)
	}
	u, err := url.Parse(v)
	hasScheme := err == nil && (u.Scheme == "http" || u.Scheme == "https")
	if !strings.Contains(v, "://") {
		// "localhost:8086" parses as scheme "localhost"; "127.0.0.1:8086"
		// does not parse at all.
		return "", usageErrorf("%s %q has no scheme: write http://%s (or https://)", flagName, value, v)
	}
	if err != nil {
		return "", usageErrorf("%s %q is not a URL (%v): write it as http://HOST:PORT", flagName, value, unwrapURLError(err))
	}
	if !hasScheme {
		return "", usageErrorf("%s %q: the scheme %q is not served; write http:// or https://", flagName, value, u.Scheme)
	}
	if u.Host == "" {
		return "", usageErrorf("%s %q names no host: write it as %s://HOST:PORT", flagName, value, u.Scheme)
	}
	if rootOnly && (strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "") {
		return "", usageErrorf("%s %q has a path: %s takes the server's root URL (%s://%s), not an API path; the API's paths are added to it",
			flagName, value, flagName, u.Scheme, u.Host)
	}
	return strings.TrimRight(v, "/"), nil
}

// unwrapURLError is url.Parse's reason without its "parse URL:" prefix.
func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// influxPathRefused says what a 404 from InfluxDB at a URL with a path
// means: InfluxDB 2's ".../api/v2", pasted as --influx-url, has the client
// ask .../api/v2/ping, which InfluxDB answers 404, said as a bare "404 page
// not found". err is returned as it is for any other failure.
func influxPathRefused(u string, err error) error {
	p, perr := url.Parse(u)
	if perr != nil || strings.Trim(p.Path, "/") == "" || !strings.Contains(err.Error(), "404") {
		return err
	}
	return fmt.Errorf("%w: InfluxDB answered 404 at %s/ping: give --influx-url the server's root URL, %s://%s, unless InfluxDB is served under that path", err, u, p.Scheme, p.Host)
}
