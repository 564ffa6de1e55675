/**
 * A ZIP archive written as it goes (for the streamed XLSX export): each entry's text is deflated piece by
 * piece, synchronously, and handed back as bytes for the caller to send. Nothing is queued between the
 * writer and the reader, so memory holds one piece at a time (exceljs' streaming writer queued the sheet's
 * XML in front of an asynchronous deflate stream without backpressure). Each piece is a sync-flushed
 * deflate block, so the pieces of an entry join into one deflate stream; sizes and CRC-32 follow the entry
 * in a data descriptor (bit 3), as a streaming writer must. No ZIP64: an archive stays under 4 GB.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC in the data descriptor; bit 11: names in UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
/** A final, empty deflate block (fixed Huffman, end-of-block only): closes the sync-flushed pieces. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_SIZE = 0xffffffff;

/** MS-DOS time and date of `at` (local fields, as ZIP tools show them). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * The fields a local header and a central directory record share, from `at`: version needed, flags, method,
 * time, date, CRC-32, sizes, name length (the extra field's length after it stays 0).
 */
function writeEntryFields(
  buf: Buffer,
  at: number,
  f: { time: number; date: number; crc: number; compressed: number; size: number; nameLength: number },
): void {
  buf.writeUInt16LE(VERSION, at);
  buf.writeUInt16LE(FLAGS, at + 2);
  buf.writeUInt16LE(DEFLATE, at + 4);
  buf.writeUInt16LE(f.time, at + 6);
  buf.writeUInt16LE(f.date, at + 8);
  buf.writeUInt32LE(f.crc >>> 0, at + 10);
  buf.writeUInt32LE(f.compressed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(f.nameLength, at + 22);
}

export interface ZipEntry {
  /** The piece deflated: bytes of the entry's data to send now. */
  piece(text: string): Buffer;
  /** The end of the entry's data and its data descriptor. */
  end(): Buffer;
}

export function createZipWriter(at = new Date()) {
  const { time, date } = dosDateTime(at);
  const central: Buffer[] = [];
  let offset = 0;
  const advance = (bytes: Buffer) => {
    offset += bytes.length;
    if (offset > MAX_SIZE) throw new Error('ZIP archive over 4 GB');
    return bytes;
  };

  return {
    /** Starts an entry: its local header (to send first) and the entry to write its text into. */
    entry(name: string): { header: Buffer; entry: ZipEntry } {
      const nameBytes = Buffer.from(name, 'utf8');
      const headerOffset = offset;
      const header = Buffer.alloc(30 + nameBytes.length);
      header.writeUInt32LE(LOCAL_HEADER, 0);
      // CRC and sizes stay 0 here: they follow in the data descriptor.
      writeEntryFields(header, 4, { time, date, crc: 0, compressed: 0, size: 0, nameLength: nameBytes.length });
      nameBytes.copy(header, 30);
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const entry: ZipEntry = {
        piece(text) {
          const raw = Buffer.from(text, 'utf8');
          crc = crc32(raw, crc);
          size += raw.length;
          const out = deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
          compressed += out.length;
          return advance(out);
        },
        end() {
          compressed += FINAL_BLOCK.length;
          const descriptor = Buffer.alloc(16);
          descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
          descriptor.writeUInt32LE(crc >>> 0, 4);
          descriptor.writeUInt32LE(compressed, 8);
          descriptor.writeUInt32LE(size, 12);
          const record = Buffer.alloc(46 + nameBytes.length);
          record.writeUInt32LE(CENTRAL_HEADER, 0);
          record.writeUInt16LE(VERSION, 4); // made by
          writeEntryFields(record, 6, { time, date, crc, compressed, size, nameLength: nameBytes.length });
          // Comment length, disk number and attributes (32–41): 0.
          record.writeUInt32LE(headerOffset, 42);
          nameBytes.copy(record, 46);
          central.push(record);
          return advance(Buffer.concat([FINAL_BLOCK, descriptor]));
        },
      };
      return { header: advance(header), entry };
    },

    /** The central directory and its end record: the archive's last bytes. */
    end(): Buffer {
      const directory = Buffer.concat(central);
      const record = Buffer.alloc(22);
      record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
      record.writeUInt16LE(central.length, 8);
      record.writeUInt16LE(central.length, 10);
      record.writeUInt32LE(directory.length, 12);
      record.writeUInt32LE(offset, 16);
      return advance(Buffer.concat([directory, record]));
    },
  };
}
