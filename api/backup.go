package api

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// backupWriteTime bounds how long a backup download may take; the server's
// WriteTimeout is for answers, not for copying the whole store.
const backupWriteTime = 30 * time.Minute

// getBackup streams a consistent copy of the embedded store, the file itself
// as it was when the request came in, while pushes go on. It needs an admin
// write token: the copy holds every region's figures and the tokens' hashes.
// Restoring is putting the file in place of the data directory's
// plancast.db while no server runs (plancast restore).
func (s *Server) getBackup(c echo.Context) error {
	if _, err := s.adminTokenFor(c, "a backup holds every region's figures and the tokens: it needs an admin token (plancast token create --admin)"); err != nil {
		return err
	}
	b, ok := s.cfg.Store.(plancast.Backuper)
	if !ok {
		return plancast.Errorf(plancast.EINVALID, "this server's store is InfluxDB: back it up with \"influx backup\" (the spool in the data directory holds only pushes not yet written)")
	}
	ctx := c.Request().Context()
	sn, err := b.Snapshot(ctx)
	if err != nil {
		return err
	}
	defer sn.Close()

	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/octet-stream")
	h.Set(echo.HeaderContentLength, strconv.FormatInt(sn.Size(), 10))
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="plancast-%s-v%s.db"`, time.Now().UTC().Format("20060102T150405Z"), sn.Version()))
	h.Set(dataVersionHeader, sn.Version())
	h.Set("Cache-Control", "no-store")
	if err := http.NewResponseController(c.Response()).SetWriteDeadline(time.Now().Add(backupWriteTime)); err != nil {
		s.log.Warn("backup: cannot extend the write deadline", "err", err)
	}
	c.Response().WriteHeader(http.StatusOK)
	start := time.Now()
	n, err := sn.WriteTo(c.Response())
	if err != nil {
		// The status is sent: the client sees a body shorter than its
		// Content-Length, and the log says why.
		s.log.Error("backup interrupted", "bytes", n, "of", sn.Size(), "err", err)
		return nil
	}
	s.log.Info("backup sent", "bytes", n, "data_version", sn.Version(), "duration", time.Since(start).Round(time.Millisecond))
	return nil
}
