package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/bolt"
)

// changeByte writes a copy of the file from in which one byte of the first
// occurrence of find is changed (at offset within it) to b: bit rot on the
// backup media, inside a stored record, where bbolt's page check does not
// look.
func changeByte(t *testing.T, from, find string, offset int, b byte) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(find))
	if i < 0 {
		t.Fatalf("%s holds no %q", from, find)
	}
	data[i+offset] = b
	out := filepath.Join(t.TempDir(), "rotten.db")
	if err := os.WriteFile(out, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// backup --check reads every record it counts, as the store's reads do, and
// refuses a copy holding one that does not read back, naming the bucket and
// the key; restore refuses such a copy and leaves the store as it was. A
// record that decodes but lost a field to a changed byte in its name, or
// whose figure no longer matches its compact value, is refused too.
func TestBackupCheckAndRestoreRefuseACopyWithARecordThatDoesNotRead(t *testing.T) {
	dir := seededDir(t)
	good := filepath.Join(t.TempDir(), "good.db")
	mustRun(t, "backup", "--data-dir", dir, "--out", good)
	for _, c := range []struct {
		what, find string
		offset     int
		to         byte
		want       string
	}{
		{"a region that does not decode", `{"code":"houma"`, len(`{"code"`), '9',
			`bucket "regions", key "houma": decode stored *plancast.Region: invalid character '9' after object key`},
		{"a figure whose region field lost its name", `{"region":"guyang","indicator":"fiscal_revenue","year":2009`, len(`{"regio`), '9',
			`bucket "obs", key "guyang/fiscal_revenue/jan-nov/`},
		{"a figure whose value changed", `"indicator":"fiscal_revenue","year":2009,"value":7.29`, len(`"indicator":"fiscal_revenue","year":2009,"value":`), '8',
			`the figure (value 8.29, published 2010-01-01, status estimate) differs from its compact value in bucket "vals2"`},
		{"a target whose note lost its name", `"note":"`, len(`"not`), '9',
			`json: unknown field "not9"`},
	} {
		t.Run(c.what, func(t *testing.T) {
			bad := changeByte(t, good, c.find, c.offset, c.to)
			code, stdout, stderr := run(t, "backup", "--check", bad)
			if code != 1 || stdout != "" || !strings.Contains(stderr, "check "+bad+": the file is damaged: ") || !strings.Contains(stderr, c.want) {
				t.Errorf("backup --check: exit %d, %q %q; want exit 1 and the file damaged at %s", code, stdout, stderr, c.want)
			}
			into := seededDir(t)
			store := filepath.Join(into, bolt.FileName)
			before, _ := os.ReadFile(store)
			code, stdout, stderr = run(t, "restore", "--from", bad, "--data-dir", into)
			if code != 1 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "nothing was changed") {
				t.Errorf("restore: exit %d, %q %q; want it refused at %s, nothing changed", code, stdout, stderr, c.want)
			}
			if after, _ := os.ReadFile(store); !bytes.Equal(before, after) {
				t.Errorf("restore of a damaged copy changed the store")
			}
		})
	}
}

// An export archive given where a backup is expected (restore --from,
// backup --check), gzipped or not, is named for what it is, with the
// command that rebuilds a store from it; it was "invalid database". The
// command names the data directory the restore was given, which a check
// names only when it was given one (--data-dir or PLANCAST_DATA_DIR).
func TestRestoreOfAnExportArchiveSaysToImportIt(t *testing.T) {
	dir := seededDir(t)
	for _, name := range []string{"exp1.json", "exp1.json.gz"} {
		archive := filepath.Join(t.TempDir(), name)
		mustRun(t, "export", "--data-dir", dir, "--out", archive)
		says := archive + " is a plancast export archive, not a backup: rebuild a store from it with plancast import " + archive + " --data-dir "
		fresh := filepath.Join(t.TempDir(), "fresh5")
		code, _, stderr := run(t, "restore", "--from", archive, "--data-dir", fresh)
		if want := says + fresh + "; nothing was changed"; code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("restore --from %s: exit %d, %q; want %q", name, code, stderr, want)
		}
		if code, _, stderr = run(t, "backup", "--check", archive, "--data-dir", fresh); code != 1 || !strings.Contains(stderr, says+fresh+";") {
			t.Errorf("backup --check %s --data-dir: exit %d, %q; want %q", name, code, stderr, says+fresh)
		}
		t.Setenv("PLANCAST_DATA_DIR", "")
		if code, _, stderr = run(t, "backup", "--check", archive); code != 1 || !strings.Contains(stderr, says+"DIR;") {
			t.Errorf("backup --check %s: exit %d, %q; want %q", name, code, stderr, says+"DIR")
		}
	}
}

// Restore is normally run against a data directory that holds a store, and
// import rebuilds a store only into an empty one: an export archive given to
// restore --from (or to backup --check with the data directory named) there
// is answered with advice import takes — a new empty directory, or the
// store moved aside first — not "plancast import FILE --data-dir" that same
// directory, which import refuses. The store is left as it was.
func TestRestoreOfAnExportArchiveOverAStoreSaysToImportIntoAnEmptyOne(t *testing.T) {
	held := seededDir(t)
	other := seededDir(t)
	archive := filepath.Join(t.TempDir(), "b.json.gz")
	mustRun(t, "export", "--data-dir", other, "--out", archive)
	store := filepath.Join(held, "plancast.db")
	before, _ := os.ReadFile(store)
	want := archive + " is a plancast export archive, not a backup: import rebuilds a store from it, but only into an empty one, and " + held + " already holds a store: import into a new empty directory (plancast import " + archive + " --data-dir NEWDIR), or move " + store + " aside first and then run plancast import " + archive + " --data-dir " + held
	code, _, stderr := run(t, "restore", "--from", archive, "--data-dir", held)
	if code != 1 || !strings.Contains(stderr, want+"; nothing was changed") {
		t.Errorf("restore --from an archive over a store: exit %d, %q; want %q", code, stderr, want+"; nothing was changed")
	}
	if after, _ := os.ReadFile(store); !bytes.Equal(before, after) {
		t.Errorf("restore --from an archive changed the store")
	}
	t.Setenv("PLANCAST_DATA_DIR", held)
	if code, _, stderr = run(t, "backup", "--check", archive); code != 1 || !strings.Contains(stderr, want+";") {
		t.Errorf("PLANCAST_DATA_DIR=<a store> backup --check an archive: exit %d, %q; want %q", code, stderr, want)
	}
	// The advice given is taken: import into a new empty directory.
	fresh := filepath.Join(t.TempDir(), "new")
	if code, _, stderr = run(t, "import", archive, "--data-dir", fresh); code != 0 {
		t.Errorf("the advised import into a new empty directory: exit %d, %q", code, stderr)
	}
}
