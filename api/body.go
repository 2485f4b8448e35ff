package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// countedBody counts the bytes read of a request body, so that an upload
// cut short can be told how far it came.
type countedBody struct {
	r io.Reader
	n int64
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// cutByShutdown is a request whose body stopped coming because the
// shutdown's grace ran out and Serve closed its connection: its read
// failed with "use of closed network connection", which, said as the
// cause of a 400 as for a client that hung up, read in the log like a
// fault of the server. The access log names it for what it is (accessLog).
type cutByShutdown struct{ err *plancast.Error }

func (e *cutByShutdown) Error() string { return e.err.Message }
func (e *cutByShutdown) Unwrap() error { return e.err }

// uploadCut is bodyCutShort for a server that may be shutting down: a body
// whose read failed after the shutdown's grace ran out was cut off by it,
// not by its client. Nothing of it was written either way: the body is
// read to its end before anything is checked or written (ingest.Parse
// refuses a body it could not read to its end with a ReadError).
func (s *Server) uploadCut(r *http.Request, name string, read int64, err error) error {
	var he *echo.HTTPError
	if !s.cutOff.Load() || errors.As(err, &he) {
		return bodyCutShort(r, name, read, err)
	}
	of := ""
	if r.ContentLength > 0 {
		of = fmt.Sprintf(" of the %d announced", r.ContentLength)
	}
	return &cutByShutdown{plancast.Errorf(plancast.EUNAVAILABLE,
		"the upload of %s was cut off by the server's shutdown after %d bytes%s: its grace of %s ran out while the body was still coming in; "+
			"nothing of it was written: push it again once the server is back", name, read, of, s.cfg.ShutdownGrace)}
}

// bodyCutShort turns a failure to read a request body to its end into the
// 400 that says so: the client dropped the connection before the length it
// announced (Content-Length), or before a chunked body's last chunk, or the
// body stopped coming. Such a body is refused whole, its first part
// unwritten: read as it came, a figure cut mid-number was stored short and
// the rows after it lost. name is the upload's file; read is the bytes that
// came. A body over the server's limit stays the 413 it is.
func bodyCutShort(r *http.Request, name string, read int64, err error) error {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return err
	}
	cause := ""
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		cause = " (" + err.Error() + ")"
	}
	switch {
	case r.ContentLength > 0:
		return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes of the %d announced (Content-Length)%s; nothing was written: send the whole file again",
			name, read, r.ContentLength, cause)
	case len(r.TransferEncoding) > 0:
		return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes, before the last chunk of its chunked body%s; nothing was written: send the whole file again",
			name, read, cause)
	}
	return plancast.Errorf(plancast.EINVALID, "the upload of %s ended after %d bytes%s; nothing was written: send the whole file again", name, read, cause)
}

// sniffedHead is how many first bytes of a push's body bodyIsNot looks at.
const sniffedHead = ingest.NotTextHead

// bodyIsNot refuses a push whose body, sent as text (CSV or JSON, by its
// content type mt), is a file of another kind by its first bytes (head),
// naming what it is and how to send it (ingest.NotText, which plancast
// ingest says too); nil when the head is none of them.
func bodyIsNot(name, mt string, head []byte) error {
	if msg := ingest.NotText(name, mt, head); msg != "" {
		return plancast.Errorf(plancast.EINVALID, "%s; nothing was written", msg)
	}
	return nil
}
