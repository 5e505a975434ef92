/**
 * A system error in words. Node's errors carry a code (`EEXIST`, `ENOSPC`) and a message made for
 * programmers (`EEXIST: file already exists, open '/…'`): users get the words, and the code only
 * for a code not listed here.
 */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  EEXIST: 'a file of that name already exists',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for the file system',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on the system',
  EBUSY: 'the file is busy (in use by another program)',
  ETXTBSY: 'the file is busy (in use by another program)',
  EXDEV: 'it is on another device',
  EIO: 'an input/output error of the device',
  EPIPE: 'the reader closed the pipe',
  ELOOP: 'too many symbolic links in the path',
  EINVAL: 'an invalid argument',
  EAGAIN: 'the resource is temporarily unavailable',
};

/** `no space left on the device`; an error without a known code keeps its own message. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in WORDS) return WORDS[code] as string;
  if (code !== undefined) return `system error ${code}`;
  return error instanceof Error ? error.message : String(error);
}
