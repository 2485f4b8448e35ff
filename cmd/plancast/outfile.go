package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// outFile is a file a command writes when its work is done, opened before
// the work starts: a path that cannot be created is said at once, not after
// minutes of forecasting, and what is written appears whole or not at all.
// A regular file (new, or replacing one) is written to a temporary file
// beside it, which Commit renames into place and Abort removes; a device or
// a pipe (/dev/stdout) is written in place.
type outFile struct {
	path   string // as the user gave it: every error names it
	target string // the file path names (a link's target)
	f      *os.File
	tmp    string // the temporary file's name; "" when writing in place
}

// createOut opens path for a command's output, or says why it cannot be
// created, naming path: its directory does not exist or may not be
// written, it is a directory, or it is a file that may not be written.
func createOut(path string) (*outFile, error) {
	o := &outFile{path: path, target: path}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		o.target = resolved // write the file a link points to, not over the link
	}
	info, err := os.Stat(o.target)
	switch {
	case err == nil && info.IsDir():
		return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.EISDIR}
	case err == nil && !info.Mode().IsRegular():
		if o.f, err = os.OpenFile(o.target, os.O_WRONLY, 0); err != nil {
			return nil, o.named(err)
		}
		return o, nil
	case err == nil:
		// An existing file is replaced only if it could be written: a
		// read-only one stays as protected as os.Create left it.
		f, err := os.OpenFile(o.target, os.O_WRONLY, 0)
		if err != nil {
			return nil, o.named(err)
		}
		f.Close()
	default:
		// No file there, or none that can be looked at: creating one
		// says why not ("not a directory", "permission denied").
	}
	removeStaleParts(o.target)
	for range 10 {
		var suffix [6]byte
		rand.Read(suffix[:])
		o.tmp = filepath.Join(filepath.Dir(o.target), partPrefix(o.target)+partOwner()+"-"+hex.EncodeToString(suffix[:]))
		// 0666 less the umask, as os.Create would have made the file.
		o.f, err = os.OpenFile(o.tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		switch {
		case errors.Is(err, fs.ErrExist):
			continue
		case err != nil:
			// "open DIR/.fc.csv.part-…: no such file or directory" is
			// about the user's path: said of it.
			return nil, o.named(err)
		}
		if info != nil {
			if err := o.f.Chmod(info.Mode().Perm()); err != nil { // the replaced file's mode
				o.Abort()
				return nil, o.named(err)
			}
		}
		return o, nil
	}
	return nil, fmt.Errorf("create %s: no free temporary name beside it", path)
}

// Write writes to the file.
func (o *outFile) Write(b []byte) (int, error) {
	n, err := o.f.Write(b)
	return n, o.named(err)
}

// Commit ends the output: the temporary file is synced, closed and renamed
// to the path. On an error it is removed, and the path is as it was.
func (o *outFile) Commit() error {
	if o.tmp == "" {
		return o.named(o.f.Close())
	}
	err := o.f.Sync()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp, o.target)
	}
	if err != nil {
		os.Remove(o.tmp)
		return o.named(err)
	}
	return nil
}

// Abort gives the output up: the temporary file is removed, and the path
// is as it was.
func (o *outFile) Abort() {
	o.f.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}

// named says an error about the temporary file or a link's target of the
// path the user gave.
func (o *outFile) named(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Path == o.tmp || pe.Path == o.target) {
		return &fs.PathError{Op: pe.Op, Path: o.path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: "rename into place", Path: o.path, Err: le.Err}
	}
	return err
}

// A process killed outright (SIGKILL, the OOM killer, a power cut) removes
// nothing, and its part file, hidden by its dot, would stay beside the
// output forever. So a part file's name says who writes it,
// ".fc.csv.part-HOST-PID-RANDOM", and the next run for the same output
// removes those of its own host whose process is gone. A part file is
// never removed while its writer may be alive: a live PID (even one reused
// by another program since), another host's (a directory shared over the
// network, where this host cannot see the writer), and one of the older
// unnamed form (".fc.csv.part-RANDOM") are all left alone.

// partPrefix is the start of the names of the part files of target.
func partPrefix(target string) string {
	return "." + filepath.Base(target) + ".part-"
}

// partOwner is the HOST-PID a part file of this process is named with.
func partOwner() string {
	return partHost() + "-" + strconv.Itoa(os.Getpid())
}

// partHost is this host's name as a part file's name carries it: the
// characters of a host name ("-" among them: the name is read from the
// right), anything else as "_", and "localhost" when it has none.
func partHost() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		return "localhost"
	}
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return r
		}
		return '_'
	}, host)
}

// removeStaleParts removes the part files of target left by processes of
// this host that no longer run. It is tidying only: a directory that
// cannot be listed or a file that cannot be removed is left as it is, and
// creating the output says what is wrong with the directory.
func removeStaleParts(target string) {
	dir, prefix := filepath.Dir(target), partPrefix(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	host := partHost()
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		// HOST-PID-RANDOM, read from the right: the host may hold "-".
		i := strings.LastIndexByte(rest, '-')
		if i < 0 {
			continue
		}
		j := strings.LastIndexByte(rest[:i], '-')
		if j < 0 || rest[:j] != host {
			continue
		}
		pid, err := strconv.Atoi(rest[j+1 : i])
		if err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}
