"""Writes /tmp/big-dossier.zip: a 19 MB zip of four 250 MiB entries (1,000 MiB in all), each within the
dossier limits (256 MiB an entry, 1 GiB in all, ratio under 200), for benchmarks/verify-memory and
the CLI memory figure in docs/benchmarks.md. Not a valid dossier: nothing signs it."""
import zipfile, os, random
random.seed(1)
# 1 KiB blocks: mostly zeros, a few random bytes, so deflate reaches roughly 100-150x.
block_variants = []
for i in range(64):
    b = bytearray(1024)
    for j in range(6):
        b[random.randrange(1024)] = random.randrange(256)
    block_variants.append(bytes(b))
chunk = b''.join(block_variants[random.randrange(64)] for _ in range(1024))  # 1 MiB
with zipfile.ZipFile('/tmp/big-dossier.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('manifest.json', '{}')
    for n in range(4):
        with z.open(f'evidence/e{n}/v1-big.bin', 'w', force_zip64=False) as f:
            for _ in range(250):
                f.write(chunk)
print(os.path.getsize('/tmp/big-dossier.zip'))
