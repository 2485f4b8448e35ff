package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast/store/bolt"
)

// A backup restored on another machine (the first one lost) takes the first
// one's address, and its clients with it: they hold the versions the first
// store gave, past the backup's own too (the writes after the copy, which
// the restore loses). The restored store, which saw none of them, must not
// give any of them to its own data: its version comes from the clock, past
// any count of writes the first store can have reached, and goes on from
// there. Before, it kept the backup's version and the next writes gave the
// first store's later versions again, to other data: a chart revalidated
// with such an ETag was answered 304, a push with such an If-Match taken.
func TestARestoreOnAnotherMachineReusesNoVersionOfTheStoreBackedUp(t *testing.T) {
	ctx := t.Context()
	first := seededDir(t)
	backup := filepath.Join(t.TempDir(), "nightly.db")
	mustRun(t, "backup", "--data-dir", first, "--out", backup)
	c, err := bolt.CheckFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	given := []string{c.Version} // every version the first store gave
	for _, year := range []string{"2021", "2022"} {
		ingestFiles(t, first, [2]string{"houma-" + year + ".csv", "region,indicator,year,value,published\nhouma,gdp," + year + ",131.2," + yearAfter(year) + "-03-01\n"})
		given = append(given, storeVersion(ctx, t, first))
	}

	clock := time.Now().UnixMicro()
	other := filepath.Join(t.TempDir(), "data")
	stdout := mustRun(t, "restore", "--data-dir", other, "--from", backup)
	restored := storeVersion(ctx, t, other)
	if n, err := strconv.ParseInt(restored, 10, 64); err != nil || n <= clock {
		t.Errorf("restored on another machine the data version is %s; want one from the clock, past %d", restored, clock)
	}
	if !strings.Contains(stdout, "its data version is now "+restored+", from the clock: this data directory held no store, and the store the backup was taken from may have gone past the backup's version "+c.Version+" since") {
		t.Errorf("restore says %q; want the version from the clock and why", stdout)
	}
	versions := []string{restored}
	for _, year := range []string{"2021", "2022"} {
		ingestFiles(t, other, [2]string{"zizhou-" + year + ".csv", "region,indicator,year,value,published\nzizhou,gdp," + year + ",77," + yearAfter(year) + "-03-01\n"})
		versions = append(versions, storeVersion(ctx, t, other))
	}
	for _, v := range versions {
		if slices.Contains(given, v) {
			t.Errorf("the restored store's data version %s (of %v) is one the first store gave to other data (%v)", v, versions, given)
		}
	}
	if last, _ := strconv.ParseUint(versions[len(versions)-1], 10, 64); strconv.FormatUint(last-2, 10) != restored {
		t.Errorf("after two pushes the versions are %v; want the counter going on by one from %s", versions, restored)
	}
}

// yearAfter is the year after year.
func yearAfter(year string) string {
	n, _ := strconv.Atoi(year)
	return strconv.Itoa(n + 1)
}

// The same holds of a store moved by plancast export and import: the
// imported embedded store counted its versions from 0 as the import wrote
// it, the versions the exported store had given long before, to other
// data. Its version now comes from the clock too, once the import has
// changed it; an import that changes nothing leaves it.
func TestAnImportOnAnotherMachineReusesNoVersionOfTheStoreExported(t *testing.T) {
	ctx := t.Context()
	first := seededDir(t)
	given := []string{storeVersion(ctx, t, first)}
	for _, year := range []string{"2021", "2022"} {
		ingestFiles(t, first, [2]string{"houma-" + year + ".csv", "region,indicator,year,value,published\nhouma,gdp," + year + ",131.2," + yearAfter(year) + "-03-01\n"})
		given = append(given, storeVersion(ctx, t, first))
	}
	archive := filepath.Join(t.TempDir(), "moved.json.gz")
	mustRun(t, "export", "--data-dir", first, "--out", archive)

	clock := time.Now().UnixMicro()
	other := filepath.Join(t.TempDir(), "data")
	stdout := mustRun(t, "import", "--data-dir", other, archive)
	imported := storeVersion(ctx, t, other)
	if n, err := strconv.ParseInt(imported, 10, 64); err != nil || n <= clock || slices.Contains(given, imported) {
		t.Errorf("imported on another machine the data version is %s; want one from the clock, past %d (the exported store gave %v)", imported, clock, given)
	}
	if !strings.Contains(stdout, "its data version is now "+imported+", from the clock: the store the archive was exported from gave versions of its own") {
		t.Errorf("import says %q; want the version from the clock and why", stdout)
	}
	stdout = mustRun(t, "import", "--data-dir", other, archive)
	if v := storeVersion(ctx, t, other); v != imported || strings.Contains(stdout, "data version is now") {
		t.Errorf("an import that wrote nothing moved the data version from %s to %s (%q)", imported, v, stdout)
	}
}

// A restore in place of a store cut short (what a backup is restored for)
// says what the data directory held: a damaged store, whose data version
// cannot be read, kept beside the restored one; not "no store".
func TestARestoreOverADamagedStoreSaysItHeldOne(t *testing.T) {
	backup := filepath.Join(t.TempDir(), "nightly.db")
	mustRun(t, "backup", "--data-dir", seededDir(t), "--out", backup)
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	store := filepath.Join(dir, bolt.FileName)
	if err := os.WriteFile(store, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	stdout := mustRun(t, "restore", "--data-dir", dir, "--from", backup)
	restored := storeVersion(t.Context(), t, dir)
	kept := strings.TrimSpace(strings.SplitAfter(stdout, "the store it replaced is kept as ")[1])
	want := "its data version is now " + restored + ", from the clock: this data directory held a damaged store (cut short: "
	if !strings.Contains(stdout, want) || !strings.Contains(stdout, "), kept as "+kept+", whose data version cannot be read") || !strings.HasPrefix(kept, store+".replaced-") {
		t.Errorf("restore over a store cut short says %q; want %q… the store kept and that its version cannot be read", stdout, want)
	}
	if strings.Contains(stdout, "held no store") {
		t.Errorf("restore over a store cut short says %q: the directory held one", stdout)
	}
}
