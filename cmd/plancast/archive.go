package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

func init() {
	register(&command{name: "export", summary: "write the whole store, every vintage and target version, to an archive file", run: runExport})
	register(&command{name: "import", summary: "rebuild an empty store (either backend) from an archive file", run: runImport})
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "--out FILE [store flags]",
		"Writes everything the store holds to one JSON file (gzipped when FILE ends in .gz):\n"+
			"the catalog, every vintage of every figure (withdrawals too) and every version of\n"+
			"every target. \"plancast import\" rebuilds a store from it on either backend, with\n"+
			"reads as of any past date answering as before: the way to move the embedded store\n"+
			"to InfluxDB, and a file copy of an InfluxDB store that plancast reads back. Tokens\n"+
			"are left out. The file is written beside, then renamed; an existing file is kept.", stderr)
	var sf storeFlags
	sf.register(fs)
	out := fs.String("out", "", "the archive file to write (.json or .json.gz); it must not exist")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return usageErrorf("export needs --out FILE and nothing else")
	}
	if _, err := os.Lstat(*out); err == nil {
		return usageErrorf("%s exists; an export never replaces a file: choose another --out", *out)
	}
	st, err := sf.open(ctx, "take a copy through that server instead (plancast backup --server URL --token ADMIN_TOKEN), or stop it")
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()

	p := &throttled{out: stderr, every: time.Second, last: time.Now()}
	a, err := plancast.ExportArchive(ctx, st, func(done, total int) {
		p.say(done == total, "\rexport: %d of %d series read", done, total)
	})
	p.end()
	if err != nil {
		return err
	}
	if err := writeArchive(*out, a); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %s\n", *out, a.Stats())
	return nil
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "FILE [store flags]",
		"Rebuilds an empty store from an archive of \"plancast export\": the catalog, then\n"+
			"every vintage and target version in the order they were recorded, so that reads\n"+
			"as of any date answer as the exported store did. The store is then exported again\n"+
			"and compared with the file. A store that holds figures or targets is refused.", stderr)
	var sf storeFlags
	sf.register(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return usageErrorf("import needs one archive FILE")
	}
	file := files[0]
	a, err := readArchive(file)
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, "stop it first: a store is imported before it is served")
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()
	start := time.Now()
	if err := plancast.ImportArchive(ctx, st, a); err != nil {
		return fmt.Errorf("import %s: %w", file, err)
	}
	again, err := plancast.ExportArchive(ctx, st, nil)
	if err != nil {
		return fmt.Errorf("read the imported store back: %w", err)
	}
	if d := plancast.DiffArchives(a, again); d != "" {
		return fmt.Errorf("the imported store does not read back as %s: %s", file, d)
	}
	fmt.Fprintf(stdout, "imported %s into %s in %s: %s; read back the same\n", file, sf.describe(), time.Since(start).Round(time.Millisecond), a.Stats())
	return nil
}

// writeArchive writes a as JSON through createOnce, gzipped when path ends
// in .gz.
func writeArchive(path string, a *plancast.Archive) error {
	return createOnce(path, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<20)
		var w io.Writer = bw
		var zw *gzip.Writer
		if strings.HasSuffix(path, ".gz") {
			zw = gzip.NewWriter(bw)
			w = zw
		}
		if err := json.NewEncoder(w).Encode(a); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		if zw != nil {
			if err := zw.Close(); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}, nil)
}

// readArchive reads an archive file, gzipped or not (told by its first bytes).
func readArchive(path string) (*plancast.Archive, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	var a plancast.Archive
	dec := json.NewDecoder(r)
	if err := dec.Decode(&a); err != nil {
		return nil, plancast.Errorf(plancast.EINVALID, "read %s: not a plancast archive: %v", path, err)
	}
	if a.Format != plancast.ArchiveFormat {
		return nil, plancast.Errorf(plancast.EINVALID, "read %s: not a plancast archive (format %q, want %q)", path, a.Format, plancast.ArchiveFormat)
	}
	return &a, nil
}

// throttled prints a progress line at most once every `every`, and the last
// one always, so that a long run shows it is moving.
type throttled struct {
	out   io.Writer
	every time.Duration
	last  time.Time
	said  bool
}

func (t *throttled) say(final bool, format string, args ...any) {
	if !final && time.Since(t.last) < t.every {
		return
	}
	if !t.said && final {
		return // done before the first line was due: nothing to report
	}
	t.last, t.said = time.Now(), true
	fmt.Fprintf(t.out, format, args...)
}

// end finishes the progress line, if one was printed.
func (t *throttled) end() {
	if t.said {
		fmt.Fprintln(t.out)
	}
}
