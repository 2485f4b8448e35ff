package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// createToken runs plancast token create with args and returns the secret
// it printed and the id it named.
func createToken(t *testing.T, args ...string) (secret, id string) {
	t.Helper()
	code, stdout, stderr := run(t, append([]string{"token", "create"}, args...)...)
	if code != 0 {
		t.Fatalf("token create %v: exit %d: %s", args, code, stderr)
	}
	secret = strings.TrimSpace(stdout)
	id = plancast.HashToken(secret)[:12]
	if !strings.HasPrefix(secret, "pc_") || !strings.Contains(stderr, "created token "+id+" with ") || !strings.Contains(stderr, "shown only this once") {
		t.Fatalf("token create %v printed %q and said %q; want the secret alone on stdout and its id on stderr", args, stdout, stderr)
	}
	return secret, id
}

// listedTokens runs plancast token list --json with args.
func listedTokens(t *testing.T, args ...string) []api.TokenInfo {
	t.Helper()
	var list struct{ Tokens []api.TokenInfo }
	if err := json.Unmarshal([]byte(mustRun(t, append([]string{"token", "list", "--json"}, args...)...)), &list); err != nil {
		t.Fatalf("token list --json: %v", err)
	}
	return list.Tokens
}

// tableRow is the row of plancast token list's table that starts with id,
// split into its columns.
func tableRow(t *testing.T, table, id string) []string {
	t.Helper()
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, id+" ") {
			return strings.Fields(line)
		}
	}
	t.Fatalf("no row for %s in\n%s", id, table)
	return nil
}

// On the store opened directly: tokens are created, listed as a table and
// as JSON (ids, never secrets), revoked by id, listed with the date they
// were revoked, and revoking one again keeps that date.
func TestTokenListAndRevokeOnTheStore(t *testing.T) {
	dir := seededDir(t)
	if out := mustRun(t, "token", "list", "--data-dir", dir); !strings.Contains(out, "no tokens") {
		t.Errorf("the seeded store lists %q; want it to say there are none", out)
	}
	admin, adminID := createToken(t, "--admin", "--name", "operator", "--data-dir", dir)
	houma, houmaID := createToken(t, "--region", "houma", "--name", "Houma bureau", "--data-dir", dir)
	_, readerID := createToken(t, "--read", "--data-dir", dir)
	today := time.Now().UTC().Format(time.DateOnly)

	table := mustRun(t, "token", "list", "--data-dir", dir)
	if !strings.HasPrefix(table, "id ") || !strings.Contains(strings.SplitN(table, "\n", 2)[0], "revoked") {
		t.Errorf("the table starts %q; want a header naming the columns", strings.SplitN(table, "\n", 2)[0])
	}
	for _, c := range []struct {
		id   string
		want []string
	}{
		{adminID, []string{adminID, "write", "(admin)", "every", "region", "operator", today}}, // as the JSON: scope write, admin
		{houmaID, []string{houmaID, "write", "houma", "Houma", "bureau", today}},
		{readerID, []string{readerID, "read", "every", "region", today}},
	} {
		if got := tableRow(t, table, c.id); strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("row %q, want %q", got, c.want)
		}
	}
	for _, line := range strings.Split(table, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %q ends in spaces", line)
		}
	}
	if strings.Contains(table, admin) || strings.Contains(table, plancast.HashToken(houma)) {
		t.Errorf("the table holds a secret or a whole hash:\n%s", table)
	}
	if ts := listedTokens(t, "--data-dir", dir); len(ts) != 3 || ts[0].ID != adminID || !ts[0].Admin || ts[1].Region != "houma" || ts[2].Scope != "read" || ts[1].Revoked != nil {
		t.Errorf("token list --json = %+v", ts)
	}

	out := mustRun(t, "token", "revoke", houmaID, "--data-dir", dir)
	if !strings.Contains(out, "token "+houmaID+" (Houma bureau) is revoked since "+today) {
		t.Errorf("token revoke says %q", out)
	}
	table = mustRun(t, "token", "list", "--data-dir", dir)
	if got := tableRow(t, table, houmaID); got[len(got)-1] != today || len(got) != 7 {
		t.Errorf("after the revocation Houma's row is %q; want it to end with the day it was revoked", got)
	}
	if got := tableRow(t, table, adminID); got[len(got)-1] != today || len(got) != 7 {
		t.Errorf("the admin's row is %q; want no revocation date", got)
	}
	first := listedTokens(t, "--data-dir", dir)[1].Revoked
	mustRun(t, "token", "revoke", "--data-dir", dir, houmaID) // again: nothing changes
	if again := listedTokens(t, "--data-dir", dir)[1].Revoked; first == nil || again == nil || !again.Equal(*first) {
		t.Errorf("revoked again, the token says %v; want the first revocation, %v", again, first)
	}

	code, _, stderr := run(t, "token", "revoke", "0123456789ab", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, "no token has the id 0123456789ab") {
		t.Errorf("revoking an unknown id: exit %d, %q; want 1 and a message naming the id", code, stderr)
	}
	code, _, stderr = run(t, "token", "revoke", "houma", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, `token id "houma" must be the 12 hex digits`) {
		t.Errorf("revoking a malformed id: exit %d, %q; want 1 and what an id looks like", code, stderr)
	}
	code, _, stderr = run(t, "token", "create", "--region", "atlantis", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, `region "atlantis" is not in the catalog`) {
		t.Errorf("a token for a region not in the catalog: exit %d, %q", code, stderr)
	}
}

// Usage mistakes exit 2 with a message; each subcommand has its --help.
func TestTokenUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"token"}, "give a subcommand: create, list or revoke"},
		{[]string{"token", "revok", "0123456789ab"}, `unknown subcommand "revok"; did you mean "revoke"?`},
		{[]string{"token", "create", "--data-dir", dir}, "give exactly one of --region R, --admin, --read"},
		{[]string{"token", "create", "--admin", "--read", "--data-dir", dir}, "give exactly one of --region R, --admin, --read"},
		{[]string{"token", "revoke", "--data-dir", dir}, "give the id of one token to revoke"},
		{[]string{"token", "revoke", "0123456789ab", "abcdefabcdef", "--data-dir", dir}, "give the id of one token to revoke"},
		{[]string{"token", "list", "--server", "http://127.0.0.1:1"}, "--server needs an admin --token"},
		{[]string{"token", "list", "extra"}, `unexpected argument "extra"`},
	} {
		code, _, stderr := run(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	for _, c := range []struct{ sub, want string }{
		{"create", "Creates an access token"},
		{"list", "Lists every token, revoked ones too"},
		{"revoke", "Revokes a token"},
	} {
		code, stdout, stderr := run(t, "token", c.sub, "--help")
		if code != 0 || !strings.Contains(stdout+stderr, "Usage: plancast token "+c.sub) || !strings.Contains(stdout+stderr, c.want) || !strings.Contains(stdout+stderr, "-server") {
			t.Errorf("token %s --help: exit %d, %q", c.sub, code, stdout+stderr)
		}
	}
}

// While a real "plancast serve" holds the store, tokens are created, listed
// and revoked through it with an admin token: a created token pushes at
// once, a revoked one (on the store before the start, or through the
// server) is refused with the day it was revoked, on pushes and on reads.
// A token cannot revoke itself, and an unknown id fails with the server's
// message.
func TestTokensThroughARunningServer(t *testing.T) {
	dir := seededDir(t)
	admin, adminID := createToken(t, "--admin", "--name", "operator", "--data-dir", dir)
	early, earlyID := createToken(t, "--region", "houma", "--name", "leaked", "--data-dir", dir)
	mustRun(t, "token", "revoke", earlyID, "--data-dir", dir)
	today := time.Now().UTC().Format(time.DateOnly)

	addr := freeAddr(t)
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dir, "--read-token", "pc_shared-read-secret")
	base := "http://" + addr
	waitHTTP(t, base+"/healthz", p)
	if !strings.Contains(p.Output(), `reads="need the read token"`) {
		t.Errorf("the log does not say reads need the read token:\n%s", p.Output())
	}

	figure := filepath.Join(t.TempDir(), "houma-2021.csv")
	if err := os.WriteFile(figure, []byte("region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused := func(secret, id string) {
		t.Helper()
		want := "the token " + id + " was revoked on " + today
		code, _, stderr := run(t, "ingest", "--server", base, "--token", secret, figure)
		if code != 1 || !strings.Contains(stderr, "401") || !strings.Contains(stderr, want) {
			t.Errorf("a push with revoked token %s: exit %d, %q; want 401 saying %q", id, code, stderr, want)
		}
		req, _ := http.NewRequest("GET", base+"/api/v1/series/houma/gdp", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 401 || !strings.Contains(string(body), want) {
			t.Errorf("a read with revoked token %s: %d %s; want 401 saying %q", id, resp.StatusCode, body, want)
		}
	}
	refused(early, earlyID) // revoked on the store, before the server started

	// The store is held: the commands say to go through the server.
	code, _, stderr := run(t, "token", "list", "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, "plancast token list --server URL --token ADMIN_TOKEN") {
		t.Errorf("token list on a held store: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "token", "revoke", earlyID, "--data-dir", dir)
	if code != 1 || !strings.Contains(stderr, "plancast token revoke ID --server URL --token ADMIN_TOKEN") {
		t.Errorf("token revoke on a held store: exit %d, %q", code, stderr)
	}

	through := []string{"--server", base, "--token", admin}
	bureau, bureauID := createToken(t, append([]string{"--region", "houma", "--name", "Houma statistics bureau"}, through...)...)
	if code, stdout, stderr := run(t, "ingest", "--server", base, "--token", bureau, figure); code != 0 || !strings.Contains(stdout, "1 new") {
		t.Fatalf("a push with the token just created: exit %d\n%s%s", code, stdout, stderr)
	}
	ts := listedTokens(t, through...)
	if len(ts) != 3 || ts[0].ID != adminID || ts[1].ID != earlyID || ts[1].Revoked == nil || ts[2].ID != bureauID || ts[2].Name != "Houma statistics bureau" {
		t.Errorf("token list through the server = %+v; want the admin, the revoked token and the new one", ts)
	}
	table := mustRun(t, append([]string{"token", "list"}, through...)...)
	if got := tableRow(t, table, earlyID); got[len(got)-1] != today {
		t.Errorf("the revoked token's row through the server is %q", got)
	}

	out := mustRun(t, append([]string{"token", "revoke", bureauID}, through...)...)
	if !strings.Contains(out, "token "+bureauID+" (Houma statistics bureau) is revoked since "+today) {
		t.Errorf("token revoke through the server says %q", out)
	}
	refused(bureau, bureauID)

	code, _, stderr = run(t, append([]string{"token", "revoke", adminID}, through...)...)
	if code != 1 || !strings.Contains(stderr, "409") || !strings.Contains(stderr, "another admin token") {
		t.Errorf("an admin token revoking itself: exit %d, %q; want 409 saying to use another admin token", code, stderr)
	}
	code, _, stderr = run(t, append([]string{"token", "revoke", "0123456789ab"}, through...)...)
	if code != 1 || !strings.Contains(stderr, "404") || !strings.Contains(stderr, "no token has the id 0123456789ab") {
		t.Errorf("revoking an unknown id through the server: exit %d, %q; want 404 naming the id", code, stderr)
	}
	code, _, stderr = run(t, "token", "list", "--server", base, "--token", bureau)
	if code != 1 || !strings.Contains(stderr, "401") || !strings.Contains(stderr, "was revoked on") {
		t.Errorf("token list with a revoked token: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "token", "create", "--region", "atlantis", "--server", base, "--token", admin)
	if code != 1 || !strings.Contains(stderr, "400") || !strings.Contains(stderr, `region "atlantis" is not in the catalog`) {
		t.Errorf("a token for a region not in the catalog, through the server: exit %d, %q", code, stderr)
	}
	if ts := listedTokens(t, through...); len(ts) != 3 || ts[0].Revoked != nil {
		t.Errorf("after the refusals the tokens are %+v; want the same 3, the admin in force", ts)
	}
}

// A leaked secret is revoked with the secret itself: the command turns it
// into the token's id and sends that, and a client that puts a secret in
// the address anyway gets the token revoked, and the server's log shows no
// secret either way.
func TestALeakedSecretIsRevokedWithoutReachingTheLog(t *testing.T) {
	dir := seededDir(t)
	admin, _ := createToken(t, "--admin", "--name", "operator", "--data-dir", dir)
	leaked, leakedID := createToken(t, "--region", "houma", "--name", "leaked", "--data-dir", dir)
	other, otherID := createToken(t, "--region", "houma", "--name", "also leaked", "--data-dir", dir)
	addr := freeAddr(t)
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dir)
	base := "http://" + addr
	waitHTTP(t, base+"/healthz", p)

	code, stdout, stderr := run(t, "token", "revoke", leaked, "--server", base, "--token", admin)
	if code != 0 || !strings.Contains(stderr, "revoking the token by its id, "+leakedID) || !strings.Contains(stdout, "token "+leakedID+" (leaked) is revoked") {
		t.Errorf("revoke by the secret: exit %d, %q, %q", code, stdout, stderr)
	}
	req, _ := http.NewRequest("DELETE", base+"/api/v1/tokens/"+other, nil)
	req.Header.Set("Authorization", "Bearer "+admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), otherID) || strings.Contains(string(body), other) {
		t.Errorf("DELETE with the secret in the path: %d %s; want the token %s revoked, its secret not echoed", resp.StatusCode, body, otherID)
	}
	// The access log's line is written after the answer is sent.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(p.Output(), "/api/v1/tokens/pc_"); {
		time.Sleep(20 * time.Millisecond)
	}
	for _, secret := range []string{leaked, other} {
		if strings.Contains(p.Output(), secret) {
			t.Errorf("the server's log holds a secret:\n%s", p.Output())
		}
	}
	if !strings.Contains(p.Output(), "/api/v1/tokens/pc_(secret)") {
		t.Errorf("the log does not show the redacted path:\n%s", p.Output())
	}
}
