package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A gzipped archive cut short (a copy, a download or a disk that ran out)
// is refused before any store is opened: the import says the file is cut
// short, after how many bytes and where, and that nothing was written; and
// it leaves no store behind, where an empty one would be seeded with the
// demo data by the next serve and refuse the whole archive after.
func TestImportOfAGzippedArchiveCutShortSaysSoAndLeavesNoStore(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "seed.json.gz")
	mustRun(t, "export", "--data-dir", seededDir(t), "--out", archive)
	whole, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		size  int
		where string
	}{
		{"in the figures", len(whole) / 2, "in series "},
		{"in the gzip header", 5, "in its header, before the first series"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cut := filepath.Join(t.TempDir(), "cut.json.gz")
			if err := os.WriteFile(cut, whole[:c.size], 0o644); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "new")
			code, _, stderr := run(t, "import", cut, "--data-dir", dir)
			want := fmt.Sprintf("%s is cut short (the gzip stream ends after %d bytes, ", cut, c.size)
			if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, c.where) || !strings.Contains(stderr, "): nothing was written; import the whole file") {
				t.Errorf("import of an archive cut after %d bytes: exit %d, %q; want exit 1 saying %q…%q and that nothing was written", c.size, code, stderr, want, c.where)
			}
			if strings.Contains(stderr, "unexpected EOF") {
				t.Errorf("the message %q still gives gzip's bare unexpected EOF", stderr)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the refused import left %s behind (%v): no store may be created for an archive refused", dir, err)
			}
		})
	}
	// The whole file imports into the same directory afterwards.
	dir := filepath.Join(t.TempDir(), "new")
	if out := mustRun(t, "import", archive, "--data-dir", dir); !strings.Contains(out, "read back the same") {
		t.Errorf("import of the whole archive says %q", out)
	}
}

// An archive refused by the check for what it holds (here a figure whose
// region the catalog lacks) leaves no store behind either.
func TestImportOfAnInvalidArchiveCreatesNoStore(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "bad.json")
	body := `{"format":"plancast-archive/1","regions":[],"indicators":[],"observations":[` +
		`{"region":"houma","indicator":"gdp","period":"year","year":2020,"value":1,"published":"2021-01-01"}]}`
	if err := os.WriteFile(archive, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "new")
	code, _, stderr := run(t, "import", archive, "--data-dir", dir)
	if code == 0 || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("import of an invalid archive: exit %d, %q; want refused, saying nothing was written", code, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the refused import left %s behind (%v)", dir, err)
	}
}
