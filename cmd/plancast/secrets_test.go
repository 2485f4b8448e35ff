package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A token's value is taken without the whitespace around it, on the server
// (--read-token, PLANCAST_READ_TOKEN) and on the client (--token,
// PLANCAST_TOKEN): an HTTP header cannot carry that whitespace, so a read
// token from a secret file ending in a newline locked every reader out
// ("the token is not recognised"), and a client's failed with Go's "invalid
// header field value". A value that is only whitespace, holds a control
// character, or (the server's read token) is too short to be a password is
// refused before anything starts, naming where it came from.
func TestTokenValuesAreTakenWithoutSurroundingWhitespace(t *testing.T) {
	dir := seededDir(t)
	admin, _ := createToken(t, "--admin", "--data-dir", dir)
	addr := freeAddr(t)
	base := "http://" + addr
	t.Setenv("PLANCAST_READ_TOKEN", "pc_read-secret\n")
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dir)
	waitHTTP(t, base+"/healthz", p)
	if !strings.Contains(p.Output(), `reads="need the read token"`) || !strings.Contains(p.Output(), "the read token is taken without the whitespace around it") {
		t.Errorf("the start log does not say the read token was trimmed:\n%s", p.Output())
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/regions", nil)
	req.Header.Set("Authorization", "Bearer pc_read-secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a read with the read token, sent as a header can carry it: %d, want 200", resp.StatusCode)
	}
	os.Unsetenv("PLANCAST_READ_TOKEN")

	// The client side: the admin token with a newline, from the flag and
	// from the environment.
	if out := mustRun(t, "token", "list", "--server", base, "--token", admin+"\n"); !strings.Contains(out, "write (admin)") {
		t.Errorf("token list with --token ending in a newline: %q; want the tokens listed", out)
	}
	figure := filepath.Join(t.TempDir(), "houma-2021.csv")
	if err := os.WriteFile(figure, []byte("region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PLANCAST_TOKEN", " "+admin+"\r\n")
	if code, _, stderr := run(t, "ingest", "--server", base, "--dry-run", figure); code != 0 {
		t.Errorf("ingest --dry-run with PLANCAST_TOKEN in whitespace: exit %d: %s", code, stderr)
	}
	os.Unsetenv("PLANCAST_TOKEN")

	data := filepath.Join(t.TempDir(), "data")
	for _, c := range []struct {
		env  string // PLANCAST_READ_TOKEN, when set
		args []string
		want string
	}{
		{"", []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data, "--read-token", " "},
			"plancast serve: --read-token is blank (only whitespace): give the token, or leave --read-token unset"},
		{"\n", []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data},
			"plancast serve: PLANCAST_READ_TOKEN is blank (only whitespace): give the token, or leave PLANCAST_READ_TOKEN unset"},
		{"", []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data, "--read-token", "a"},
			"plancast serve: --read-token is too short (1 of at least 8 characters): it is the password to every read route; plancast token create --read makes one of 46"},
		{"", []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data, "--read-token", "pc_read\tsecret"},
			`plancast serve: --read-token holds '\t' at character 8: a token is one word, and an HTTP header cannot carry that; give the token alone`},
		{"", []string{"token", "list", "--server", base, "--token", "pc_a\x01b"},
			`plancast token: --token holds '\x01' at character 5: a token is one word, and an HTTP header cannot carry that; give the token alone`},
		{"", []string{"ingest", "--server", base, "--token", "  ", figure},
			"plancast ingest: --token is blank (only whitespace): give the token, or leave --token unset"},
	} {
		if c.env != "" {
			t.Setenv("PLANCAST_READ_TOKEN", c.env)
		}
		code, _, stderr := runWithin(t, 5*time.Second, c.args...)
		if code != 2 || stderr != c.want+"\n" {
			t.Errorf("%q (PLANCAST_READ_TOKEN %q): exit %d, stderr %q;\nwant exit 2 and %q", c.args, c.env, code, stderr, c.want)
		}
		os.Unsetenv("PLANCAST_READ_TOKEN")
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("serve made %s before refusing its read token", data)
	}
}
