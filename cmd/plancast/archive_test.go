package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// plancast export writes the store's whole history to one file, and plancast
// import rebuilds an empty store from it that answers as the first: the
// latest figures, every vintage and target version (history), and the
// projection as of a past date.
func TestExportAndImportRebuildTheStore(t *testing.T) {
	dir := seededDir(t)
	seedOnly := filepath.Join(t.TempDir(), "seed.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", seedOnly)
	ingestFiles(t, dir, [2]string{"houma-2021.csv", "region,indicator,year,value,published\nhouma,gdp,2020,121.1,2021-09-30\nhouma,gdp,2021,131.2,2022-03-01\n"})
	archive := filepath.Join(t.TempDir(), "houma.json.gz")
	stdout := mustRun(t, "export", "--data-dir", dir, "--out", archive)
	if !strings.Contains(stdout, "wrote "+archive+": 9 regions, 18 indicators") || !strings.Contains(stdout, "19 vintages of figures, 22 versions of targets") {
		t.Errorf("export says %q; want the seed's catalog, its 17 figures and the 2 pushed, its 22 targets", stdout)
	}
	rebuilt := t.TempDir()
	if out := mustRun(t, "import", "--data-dir", rebuilt, archive); !strings.Contains(out, "read back the same") {
		t.Errorf("import says %q", out)
	}
	for _, args := range [][]string{
		{"history", "--region", "houma", "--indicator", "gdp"},
		{"forecast", "--region", "houma", "--indicator", "gdp"},
		{"forecast", "--region", "houma", "--indicator", "gdp", "--as-of", "2021-05-01"},
	} {
		before := mustRun(t, append(args, "--data-dir", dir)...)
		after := mustRun(t, append(args, "--data-dir", rebuilt)...)
		if before != after {
			t.Errorf("%v of the rebuilt store:\n%s\nwant what the exported one answered:\n%s", args, after, before)
		}
	}

	if out := mustRun(t, "import", "--data-dir", rebuilt, archive); !strings.Contains(out, "(the store held 41 of them already; 0 written now); read back the same") {
		t.Errorf("a second import says %q; want everything found there and nothing written", out)
	}
	// A store holding a part of the archive, as an interrupted import leaves
	// it, takes the rest: here an import of the same store's archive taken
	// before the push, whose vintages are the archive's first, recorded at
	// the same times. A store holding the same figures recorded at other
	// times (seeded anew) is refused: no import of this archive wrote them,
	// and the archive's recorded times could not all read back. One holding
	// a figure the archive lacks is refused.
	part := t.TempDir()
	mustRun(t, "import", "--data-dir", part, seedOnly)
	if out := mustRun(t, "import", "--data-dir", part, archive); !strings.Contains(out, "(the store held 39 of them already; 2 written now); read back the same") {
		t.Errorf("an import into the store holding the seed's archive says %q; want the seed's 17 figures and 22 targets found, the 2 pushed figures written", out)
	}
	code, _, stderr := run(t, "import", "--data-dir", seededDir(t), archive)
	if code == 0 || !strings.Contains(stderr, "(so no import of this archive wrote it)") {
		t.Errorf("an import into a store seeded anew: exit %d, %q", code, stderr)
	}
	other := seededDir(t)
	ingestFiles(t, other, [2]string{"typo.csv", "region,indicator,year,value,published\nhouma,gdp,2019,111.1,2021-09-30\n"})
	code, _, stderr = run(t, "import", "--data-dir", other, archive)
	if code == 0 || !strings.Contains(stderr, "an archive is imported into an empty store, or into one that holds a part of it (as an interrupted import leaves it)") {
		t.Errorf("an import into a store holding other figures: exit %d, %q", code, stderr)
	}

	// An archive cut short is refused before anything is written.
	cut := cutShort(t, archive)
	empty := t.TempDir()
	code, _, stderr = run(t, "import", "--data-dir", empty, cut)
	if code == 0 || !strings.Contains(stderr, "is cut short") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("import of an archive cut short: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "history", "--data-dir", empty, "--region", "houma", "--indicator", "gdp"); code == 0 || !strings.Contains(stderr, "there is no embedded store at") {
		t.Errorf("after the refused import, history answers: exit %d, %q; want no store there: the archive is checked before one is created", code, stderr)
	}
	code, _, stderr = run(t, "export", "--data-dir", dir, "--out", archive)
	if code != 2 || !strings.Contains(stderr, "an export never replaces a file") {
		t.Errorf("an export over a file: exit %d, %q", code, stderr)
	}
	notes := filepath.Join(t.TempDir(), "notes.json")
	if err := os.WriteFile(notes, []byte(`{"regions": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "import", "--data-dir", t.TempDir(), notes)
	if code == 0 || !strings.Contains(stderr, "not a plancast archive") {
		t.Errorf("import of a JSON file that is no archive: exit %d, %q", code, stderr)
	}
}

// serve loads the demo dataset on the first start of an empty store only:
// a store built by import or ingest before its first start keeps only its
// own data, and the question is settled once.
func TestTheFirstStartSeedsAnEmptyStoreOnly(t *testing.T) {
	ctx := context.Background()
	empty, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if loaded, _, whyNot, err := seedOnFirstStart(ctx, empty); err != nil || !loaded || whyNot != "" {
		t.Errorf("an empty store: loaded %v, %q, %v; want the demo dataset loaded", loaded, whyNot, err)
	}

	own, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	if err := own.PutRegions(ctx, []plancast.Region{{Code: "jiaxing", Name: "Jiaxing", Level: plancast.LevelPrefecture}}); err != nil {
		t.Fatal(err)
	}
	loaded, _, whyNot, err := seedOnFirstStart(ctx, own)
	if err != nil || loaded || !strings.Contains(whyNot, "the store holds 1 regions of its own") {
		t.Errorf("a store with a region of its own: loaded %v, %q, %v; want it left alone and why", loaded, whyNot, err)
	}
	if regions, _ := own.Regions(ctx); len(regions) != 1 {
		t.Errorf("the store now has %d regions, want its own one", len(regions))
	}
	if loaded, _, whyNot, _ := seedOnFirstStart(ctx, own); loaded || whyNot != "" {
		t.Errorf("the next start: loaded %v, %q; want the question settled, nothing said", loaded, whyNot)
	}
}

// export --tokens carries the access tokens to the rebuilt store, which then
// lists the same ones; a plain export carries none.
func TestExportWithTokensMovesThem(t *testing.T) {
	dir := seededDir(t)
	created := mustRun(t, "token", "create", "--region", "houma", "--name", "Houma bureau", "--data-dir", dir)
	if !strings.HasPrefix(created, "pc_") {
		t.Fatalf("token create printed %q", created)
	}
	listed := mustRun(t, "token", "list", "--data-dir", dir)
	folder := t.TempDir()
	withTokens, plain := filepath.Join(folder, "moved.json.gz"), filepath.Join(folder, "plain.json.gz")
	if out := mustRun(t, "export", "--tokens", "--out", withTokens, "--data-dir", dir); !strings.HasSuffix(out, ", 1 access token\n") {
		t.Errorf("export --tokens says %q", out)
	}
	mustRun(t, "export", "--out", plain, "--data-dir", dir)

	moved := t.TempDir()
	if out := mustRun(t, "import", withTokens, "--data-dir", moved); !strings.Contains(out, ", 1 access token; read back the same") {
		t.Errorf("import says %q", out)
	}
	if got := mustRun(t, "token", "list", "--data-dir", moved); got != listed || !strings.Contains(got, "Houma bureau") {
		t.Errorf("the moved store lists\n%s\nwant what the first one listed:\n%s", got, listed)
	}
	bare := t.TempDir()
	mustRun(t, "import", plain, "--data-dir", bare)
	if got := mustRun(t, "token", "list", "--data-dir", bare); strings.Contains(got, "Houma bureau") {
		t.Errorf("a store imported without tokens lists\n%s", got)
	}
}

// cutShort writes the first two thirds of an archive file to a new file,
// as a copy broken off in transfer, and returns its path.
func cutShort(t *testing.T, archive string) string {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.json.gz")
	if err := os.WriteFile(cut, data[:len(data)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	return cut
}
