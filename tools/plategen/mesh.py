"""BodyParts3D meshes: reading, the body frame in centimetres, and the views' projections.

The meshes (``assets/anatomy3d/``) are in metres, uniformly scaled by about 1.076 against the
original millimetres, +Y superior, +Z anterior, -X the subject's right, the sole at y = -0.085.
Here every vertex is turned into the body frame the plates use:

- ``lat``: centimetres lateral of the midline (the right limb has lat > 0),
- ``h``: centimetres above the floor,
- ``ant``: centimetres anterior (larger is further forward).

A view maps (lat, h, ant) to plate units (u, v) with 20 units per centimetre and a depth that
grows away from the viewer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
MESH_DIR = ROOT / "assets" / "anatomy3d"
SCALE = 1.076  # the re-export's uniform scale against BodyParts3D's millimetres
SOLE_Y = -0.085  # metres: the sole of the foot
CM = 20.0  # plate units per centimetre

Array = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Mesh:
    """One BodyParts3D mesh in the body frame (centimetres)."""

    fj: str
    name: str
    verts: Array  # (n, 3): lat, h, ant in cm
    faces: IntArray  # (m, 3)

    def subset(self, keep: npt.NDArray[np.bool_]) -> Mesh:
        """The triangles whose three vertices all satisfy ``keep`` (a per-vertex mask)."""
        faces = self.faces[keep[self.faces].all(axis=1)]
        return Mesh(self.fj, self.name, self.verts, faces)

    def subset_faces(self, keep: npt.NDArray[np.bool_]) -> Mesh:
        """The triangles selected by a per-face mask."""
        return Mesh(self.fj, self.name, self.verts, self.faces[keep])

    def centroids(self) -> Array:
        return np.asarray(self.verts[self.faces].mean(axis=1))


def read_ply(path: Path) -> tuple[Array, IntArray]:
    """Vertices (float64, metres) and triangles of a binary little-endian PLY file."""
    data = path.read_bytes()
    end = data.index(b"end_header\n") + len(b"end_header\n")
    header = data[:end].decode("ascii").splitlines()
    counts = {
        parts[1]: int(parts[2])
        for parts in (line.split() for line in header)
        if len(parts) == 3 and parts[0] == "element"
    }
    if "binary_little_endian" not in header[1]:
        raise ValueError(f"{path}: not a binary little-endian PLY")
    nv, nf = counts["vertex"], counts["face"]
    verts = np.frombuffer(data, dtype="<f4", count=nv * 3, offset=end).reshape(nv, 3)
    face_dtype = np.dtype([("n", "u1"), ("i", "<i4", (3,))])
    faces = np.frombuffer(data, dtype=face_dtype, count=nf, offset=end + nv * 12)
    if nf and not (faces["n"] == 3).all():
        raise ValueError(f"{path}: only triangles are supported")
    return verts.astype(np.float64), faces["i"].astype(np.int64)


def to_body(verts_m: Array) -> Array:
    """Metres in the mesh frame -> (lat, h, ant) centimetres."""
    s = 100.0 / SCALE
    out = np.empty_like(verts_m)
    out[:, 0] = -verts_m[:, 0] * s
    out[:, 1] = (verts_m[:, 1] - SOLE_Y) * s
    out[:, 2] = verts_m[:, 2] * s
    return out


class MeshLibrary:
    """The meshes by FJ id, read once."""

    def __init__(self, folder: Path = MESH_DIR) -> None:
        self.folder = folder
        inventory = json.loads((folder / "inventory.json").read_text(encoding="utf-8"))
        self.names: dict[str, str] = {e["fj"]: e["name"] for e in inventory}
        self._cache: dict[str, Mesh] = {}

    def get(self, fj: str) -> Mesh:
        if fj not in self._cache:
            if fj not in self.names:
                known = ", ".join(sorted(self.names))
                raise KeyError(f"no mesh {fj}; known: {known}")
            verts, faces = read_ply(self.folder / "ply" / f"{fj}.ply")
            self._cache[fj] = Mesh(fj, self.names[fj], to_body(verts), faces)
        return self._cache[fj]

    def merged(self, *fjs: str) -> Mesh:
        """Several meshes as one (e.g. adductor magnus with adductor minimus)."""
        meshes = [self.get(fj) for fj in fjs]
        verts = np.concatenate([m.verts for m in meshes])
        offsets = np.cumsum([0] + [len(m.verts) for m in meshes[:-1]])
        faces = np.concatenate([m.faces + off for m, off in zip(meshes, offsets, strict=True)])
        return Mesh("+".join(fjs), " + ".join(m.name for m in meshes), verts, faces)


@dataclass(frozen=True)
class Projection:
    """A view: body frame (cm) -> plate units (u right, v down) and depth (larger = farther)."""

    key: str
    u0: float  # plate u of body coordinate 0 along the horizontal axis
    v0: float  # plate v of h = 105 cm

    def horizontal(self, verts: Array) -> Array:
        lat, ant = verts[:, 0], verts[:, 2]
        if self.key == "posterior":
            return np.asarray(lat)
        if self.key == "medial":
            return np.asarray(-ant)  # camera at the midline side: anterior on the left
        if self.key == "lateral":
            return np.asarray(ant)  # camera at the lateral side: anterior on the right
        raise ValueError(self.key)

    def depth(self, verts: Array) -> Array:
        lat, ant = verts[:, 0], verts[:, 2]
        if self.key == "posterior":
            return np.asarray(ant)
        if self.key == "medial":
            return np.asarray(lat)
        if self.key == "lateral":
            return np.asarray(-lat)
        raise ValueError(self.key)

    def uv(self, verts: Array) -> Array:
        out = np.empty((len(verts), 2))
        out[:, 0] = self.u0 + CM * self.horizontal(verts)
        out[:, 1] = self.v0 + CM * (105.0 - verts[:, 1])
        return out

    def point(self, lat: float, h: float, ant: float) -> tuple[float, float]:
        u, v = self.uv(np.array([[lat, h, ant]]))[0]
        return float(u), float(v)

    def h_of_v(self, v: float) -> float:
        return 105.0 - (v - self.v0) / CM
