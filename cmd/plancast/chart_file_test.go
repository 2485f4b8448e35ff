package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The chart's bytes are what its file's name says: the format comes from a
// .png or .svg name, and a name that says another format, or the other of
// the two, is refused (exit 2, nothing written) rather than written as
// PNG bytes named x.gif.
func TestTheChartFileIsWhatItsNameSays(t *testing.T) {
	dir := seededDir(t)
	out := t.TempDir()
	chart := func(name string, more ...string) (int, string, string) {
		args := append([]string{"chart", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "-o", filepath.Join(out, name)}, more...)
		return run(t, args...)
	}
	for _, c := range []struct {
		name   string
		flags  []string
		starts string // the file's first bytes
	}{
		{"a.png", nil, "\x89PNG"},
		{"b.SVG", nil, "<?xml"},
		{"c.svg", []string{"--format", "svg"}, "<?xml"},
		{"chart", nil, "\x89PNG"},
		{"chart2", []string{"--format", "svg"}, "<?xml"},
	} {
		if code, _, stderr := chart(c.name, c.flags...); code != 0 {
			t.Fatalf("%s %v: exit %d: %s", c.name, c.flags, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, c.name))
		if err != nil || !bytes.HasPrefix(b, []byte(c.starts)) {
			t.Errorf("%s %v: %.8q, %v; want it to start %q", c.name, c.flags, b, err, c.starts)
		}
	}
	for _, c := range []struct {
		name  string
		flags []string
		says  string
	}{
		{"x.gif", nil, "a chart is written as PNG or SVG; name the file .png or .svg"},
		{"y.svg", []string{"--format", "png"}, "names a .svg file, but --format is png"},
		{"z.png", []string{"--format", "svg"}, "names a .png file, but --format is svg"},
		{"g.png", []string{"--format", "gif"}, "gif"},
	} {
		code, _, stderr := chart(c.name, c.flags...)
		if code != 2 || !strings.Contains(stderr, c.says) || strings.Contains(stderr, "name the file .gif") {
			t.Errorf("%s %v: exit %d, %q; want 2 and %q", c.name, c.flags, code, stderr, c.says)
		}
		if _, err := os.Stat(filepath.Join(out, c.name)); !os.IsNotExist(err) {
			t.Errorf("%s %v: refused, but the file was written (%v)", c.name, c.flags, err)
		}
	}
}

// --as-of after tomorrow is a usage error, on the commands that read as of
// a date: nothing is published then.
func TestAnAsOfAfterTomorrowIsAUsageError(t *testing.T) {
	dir := seededDir(t)
	later := time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly)
	for _, args := range [][]string{
		{"chart", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "-o", filepath.Join(t.TempDir(), "c.png"), "--as-of", later},
		{"forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", later},
		{"history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", later},
	} {
		code, _, stderr := run(t, args...)
		if code != 2 || !strings.Contains(stderr, "is after today") {
			t.Errorf("%s --as-of %s: exit %d, %q; want 2 saying it is after today", args[0], later, code, stderr)
		}
	}
}

// --as-of 2024-02-30 is said to be no day, as ?as_of= is, not to be of the
// wrong form.
func TestAnAsOfOfNoDayIsSaidToBeNone(t *testing.T) {
	dir := seededDir(t)
	code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2024-02-30")
	if want := "2024-02-30 is not a day: February 2024 has 29 days"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("--as-of 2024-02-30: exit %d, %q; want 2 saying %q", code, stderr, want)
	}
}
