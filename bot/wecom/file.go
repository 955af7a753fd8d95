package wecom

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"casebot/bot"
)

// File messages (msgtype=file): the file is uploaded as temporary media
// (media/upload?type=file, multipart field "media", at most 20 MB, the
// media_id good for three days) and the message names it by media_id. The
// push goes through Send like every other, so it is one part,
// rate-limited, retried and made once by the one send-once mechanism
// (bot/sendlog): the upload happens while the part's request is built, so
// the message/send saved for a retry names the media already uploaded (a
// media_id lives three days) and an unknown outcome is resent as is,
// never uploaded twice; a definite refusal builds, and uploads, afresh.

// validateFile checks a file push before anything is uploaded.
func validateFile(out bot.Outbound) error {
	switch {
	case out.File == nil:
		return errors.New("wecom: file push with no file")
	case len(out.File.Data) < bot.MinMediaBytes:
		return fmt.Errorf("wecom: file %q has %d bytes; WeCom takes files of more than 5", out.File.Name, len(out.File.Data))
	case len(out.File.Data) > bot.MaxFileBytes:
		return fmt.Errorf("wecom: file %q has %d bytes, more than WeCom's %d", out.File.Name, len(out.File.Data), bot.MaxFileBytes)
	case mediaName(out.File.Name) == "":
		return fmt.Errorf("wecom: file push with no usable name (%q)", out.File.Name)
	}
	return nil
}

// uploadFile uploads f as a file and returns its media_id.
func (s *Sender) uploadFile(ctx context.Context, f *bot.File) (string, error) {
	return s.client.upload(ctx, "file", mediaName(f.Name), f.Data)
}

// mediaName is the name WeCom shows for an uploaded file: the base name,
// without the characters its upload refuses in a filename (a leading
// slash, backslashes and colons) or that would break the multipart header.
func mediaName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		switch r {
		case ':', '"', '\r', '\n', 0:
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" {
		return ""
	}
	return strings.TrimSpace(name)
}
