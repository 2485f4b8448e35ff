package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serveOnce starts "plancast serve" on dir with the extra flags, waits until
// it answers, and stops it; it returns what the server logged.
func serveOnce(t *testing.T, dir string, flags ...string) (base string, stop func() string) {
	t.Helper()
	addr := freeAddr(t)
	p := startPlancast(t, append([]string{"serve", "--addr", addr, "--data-dir", dir}, flags...)...)
	base = "http://" + addr
	waitHTTP(t, base+"/healthz", p)
	return base, func() string { p.kill(); return p.Output() }
}

// A server started on an embedded store without an admin token makes one
// and leaves its secret in DATA_DIR/initial-admin-token, readable by the
// owner only and named in the log, but not printed there. The secret
// manages tokens through the running server at once: no stop is needed for
// the first token. A restart leaves the file and the token alone; once
// every admin token is revoked, the next start makes a new one.
func TestServeCreatesTheFirstAdminTokenInAFile(t *testing.T) {
	dir := seededDir(t)
	path := filepath.Join(dir, initialAdminFile)

	base, stop := serveOnce(t, dir)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no initial admin token file after the first start: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v; want 0600", path, info.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	admin := strings.TrimSpace(string(raw))
	if !strings.HasPrefix(admin, "pc_") {
		t.Fatalf("%s holds %q; want a token secret", path, raw)
	}
	through := []string{"--server", base, "--token", admin}
	bureau, bureauID := createToken(t, append([]string{"--region", "houma", "--name", "Houma statistics bureau"}, through...)...)
	ts := listedTokens(t, through...)
	if len(ts) != 2 || !ts[0].Admin || ts[0].Name != initialAdminName || ts[1].ID != bureauID {
		t.Errorf("tokens through the server = %+v; want the initial admin and the bureau's", ts)
	}
	log := stop()
	if !strings.Contains(log, `reads="open to anyone"`) {
		t.Errorf("the log does not say who may read:\n%s", log)
	}
	if !strings.Contains(log, path) || strings.Contains(log, admin) || strings.Contains(log, bureau) {
		t.Errorf("the log must name %s and never show a secret:\n%s", path, log)
	}

	// A restart keeps the token and the file as they are.
	_, stop = serveOnce(t, dir)
	if log := stop(); strings.Contains(log, initialAdminFile) {
		t.Errorf("a restart with an admin token said %s:\n%s", initialAdminFile, log)
	}
	if again, _ := os.ReadFile(path); string(again) != string(raw) {
		t.Errorf("a restart rewrote %s", path)
	}
	if ts := listedTokens(t, "--data-dir", dir); len(ts) != 2 {
		t.Errorf("after a restart the store holds %d tokens; want 2", len(ts))
	}

	// With the only admin token revoked (on the store, the server stopped),
	// the next start makes a new one: a lost secret is reset this way.
	mustRun(t, "token", "revoke", ts[0].ID, "--data-dir", dir)
	_, stop = serveOnce(t, dir)
	stop()
	renewed, _ := os.ReadFile(path)
	if len(renewed) == 0 || string(renewed) == string(raw) {
		t.Fatalf("after the admin token was revoked, %s holds %q; want a new secret", path, renewed)
	}
	if ts := listedTokens(t, "--data-dir", dir); len(ts) != 3 || !ts[2].Admin || ts[2].Revoked != nil {
		t.Errorf("after the renewal the store holds %+v; want a third, active admin token", ts)
	}
}

// A store that has an admin token, or a server told --no-initial-admin,
// gets no token and no file.
func TestServeLeavesAStoreWithAnAdminTokenAlone(t *testing.T) {
	withAdmin := seededDir(t)
	createToken(t, "--admin", "--name", "operator", "--data-dir", withAdmin)
	refused := seededDir(t)
	for dir, flags := range map[string][]string{withAdmin: nil, refused: {"--no-initial-admin"}} {
		_, stop := serveOnce(t, dir, flags...)
		stop()
		if _, err := os.Stat(filepath.Join(dir, initialAdminFile)); !os.IsNotExist(err) {
			t.Errorf("serve %v: %s exists (stat: %v); want none", flags, initialAdminFile, err)
		}
	}
	if ts := listedTokens(t, "--data-dir", refused); len(ts) != 0 {
		t.Errorf("serve --no-initial-admin left tokens %+v", ts)
	}
	if ts := listedTokens(t, "--data-dir", withAdmin); len(ts) != 1 {
		t.Errorf("serve on a store with an admin token left tokens %+v; want only that one", ts)
	}
}
