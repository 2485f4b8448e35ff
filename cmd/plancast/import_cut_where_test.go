package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A gzipped archive cut short is refused naming the part its stream ends
// in: the catalog, the series after the last one read whole ("in series
// N"), or, past all the series, the target versions or the access tokens —
// not "in series N+1" of a series the archive does not have.
func TestImportOfACutArchiveNamesThePartItEndsIn(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "exp.json.gz")
	dir := seededDir(t)
	mustRun(t, "token", "create", "--region", "houma", "--name", "Houma bureau", "--data-dir", dir)
	mustRun(t, "export", "--data-dir", dir, "--out", archive, "--tokens")
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := io.ReadAll(zr)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	at := func(key string) int {
		i := bytes.Index(whole, []byte(`"`+key+`"`))
		if i < 0 {
			t.Fatalf("the export has no %q:\n%.300s", key, whole)
		}
		return i
	}
	for _, c := range []struct {
		name  string
		end   int
		where string
	}{
		{"in the catalog", at("indicators") + 20, "in the catalog, before the first series"},
		{"in the first series", at("observations") + 40, "in series 1"},
		{"in the targets", at("targets") + 40, "after the 12 series, in the target versions"},
		{"in the tokens", at("tokens") + 20, "after the 12 series, in the access tokens"},
	} {
		t.Run(c.name, func(t *testing.T) {
			// A gzip stream of the archive's first bytes that stops there,
			// as a copy cut short does: flushed, never closed.
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(whole[:c.end])
			zw.Flush()
			cut := filepath.Join(t.TempDir(), "cut.json.gz")
			if err := os.WriteFile(cut, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "new")
			code, _, stderr := run(t, "import", cut, "--data-dir", dir)
			want := "unpacked, " + c.where + "): nothing was written"
			if code != 1 || !strings.Contains(stderr, want) {
				t.Errorf("import of an archive cut %s: exit %d, %q; want it saying %q", c.name, code, stderr, want)
			}
		})
	}
}
