//go:build unix

package main

import (
	"errors"
	"syscall"
)

// processAlive reports whether process pid may still run: signal 0 finds
// it (EPERM: it runs as another user). Only ESRCH says it is gone; a
// zombie, killed but not yet waited for by its parent, still counts as
// alive.
func processAlive(pid int) bool {
	return !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
