package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An import writes every vintage the archive lists, also one the same as
// the vintage listed before it: the store it comes from held both. Houma's
// 2024 GDP pushed, withdrawn the same day, pushed again dated the day it was
// published (kept as history before the withdrawal) and once more undated
// has a vintage of 152.8 listed after the earlier one of 152.8; the import
// took it for a re-push of the same figure and left it out, and refused the
// store it had built: "it holds 5 vintages of houma/gdp (year), the archive 6".
func TestImportWritesAVintageTheSameAsTheOneBeforeIt(t *testing.T) {
	dir := seededDir(t)
	gdp := "region,indicator,year,value\nhouma,gdp,2024,152.8\n"
	ingestFiles(t, dir, [2]string{"gdp.csv", gdp})
	ingestFiles(t, dir, [2]string{"withdraw.csv", "region,indicator,year,value,status\nhouma,gdp,2024,,withdrawn\n"})
	ingestFiles(t, dir, [2]string{"dated.csv", "region,indicator,year,value,published\nhouma,gdp,2024,152.8,2025-03-20\n"})
	ingestFiles(t, dir, [2]string{"gdp.csv", gdp})

	archive := filepath.Join(t.TempDir(), "houma.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", archive)
	rebuilt := t.TempDir()
	code, out, stderr := run(t, "import", "--data-dir", rebuilt, archive)
	if code != 0 || !strings.Contains(out, "read back the same") {
		t.Fatalf("import: exit %d, %q %q; want the store read back the same", code, out, stderr)
	}
	for _, args := range [][]string{
		{"history", "--region", "houma", "--indicator", "gdp"},
		{"forecast", "--region", "houma", "--indicator", "gdp", "--as-of", "2025-06-01"},
	} {
		if before, after := mustRun(t, append(args, "--data-dir", dir)...), mustRun(t, append(args, "--data-dir", rebuilt)...); before != after {
			t.Errorf("%v of the rebuilt store:\n%s\nwant the exported one's:\n%s", args, after, before)
		}
	}
}
