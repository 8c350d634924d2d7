"""Detection primitives of ``mindspore.ops``: iou/IOU, bounding_box_encode/decode, check_valid, NMSWithMask."""
from __future__ import annotations

import math

import torch

from ..common.tensor import Tensor
from ._args import _REQ, attr_prim
from ._samples import S, V
from ._table import OPS, op, unwrap


def _areas(b, one=1):
    return (b[:, 2] - b[:, 0] + one) * (b[:, 3] - b[:, 1] + one)


def _overlaps(a, b, one=1):
    """(len(b), len(a)) intersection areas; ``one`` = 1 is the +1 pixel convention of iou (NMS uses 0)."""
    lt = torch.maximum(b[:, None, :2], a[None, :, :2])
    rb = torch.minimum(b[:, None, 2:4], a[None, :, 2:4])
    wh = (rb - lt + one).clamp(min=0)
    return wh[..., 0] * wh[..., 1]


@op(samples=(S(V([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]]), V([[0.0, 0.0, 2.0, 2.0]])),
             S(V([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]]), V([[0.0, 0.0, 2.0, 2.0]]), 'iof')))
def iou(anchor_boxes, gt_boxes, mode="iou"):
    if mode not in ("iou", "iof"):
        raise KeyError(f"For 'iou', 'mode' must be 'iou' or 'iof', but got {mode!r}.")
    inter = _overlaps(anchor_boxes, gt_boxes)
    if mode == "iof":
        return inter / _areas(gt_boxes)[:, None]
    return inter / (_areas(anchor_boxes)[None, :] + _areas(gt_boxes)[:, None] - inter)


attr_prim("IOU", None, {"mode": "iou"}, call=lambda self, anchor_boxes, gt_boxes: OPS["iou"](anchor_boxes, gt_boxes,
                                                                                             self.mode))


def _centers(b):
    w = b[:, 2] - b[:, 0] + 1.0
    h = b[:, 3] - b[:, 1] + 1.0
    return b[:, 0] + 0.5 * (w - 1), b[:, 1] + 0.5 * (h - 1), w, h


@op(samples=(S(V([[0, 0, 4, 4], [1, 1, 3, 5]], "float32"), V([[0, 0, 4, 4], [0, 1, 3, 4]], "float32")),))
def bounding_box_encode(anchor_box, groundtruth_box, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0)):
    px, py, pw, ph = _centers(anchor_box)
    gx, gy, gw, gh = _centers(groundtruth_box)
    d = torch.stack([(gx - px) / pw, (gy - py) / ph, torch.log(gw / pw), torch.log(gh / ph)], -1)
    m = torch.tensor(means, dtype=d.dtype, device=d.device)
    s = torch.tensor(stds, dtype=d.dtype, device=d.device)
    return (d - m) / s


@op(samples=(S(V([[0, 0, 4, 4], [1, 1, 3, 5]], "float32"), V([[0.1, 0.2, 0.1, -0.1], [0, 0, 0, 0]], "float32"),
               (10, 10)),))
def bounding_box_decode(anchor_box, deltas, max_shape, means=(0.0, 0.0, 0.0, 0.0), stds=(1.0, 1.0, 1.0, 1.0),
                        wh_ratio_clip=0.016):
    m = torch.tensor(means, dtype=deltas.dtype, device=deltas.device)
    s = torch.tensor(stds, dtype=deltas.dtype, device=deltas.device)
    d = deltas * s + m
    limit = abs(math.log(wh_ratio_clip))
    dw, dh = d[:, 2].clamp(-limit, limit), d[:, 3].clamp(-limit, limit)
    px, py, pw, ph = _centers(anchor_box)
    gx, gy = px + pw * d[:, 0], py + ph * d[:, 1]
    gw, gh = pw * torch.exp(dw), ph * torch.exp(dh)
    x1, y1 = gx - 0.5 * (gw - 1), gy - 0.5 * (gh - 1)
    x2, y2 = gx + 0.5 * (gw - 1), gy + 0.5 * (gh - 1)
    h, w = max_shape[0], max_shape[1]
    x1, x2 = x1.clamp(0, w), x2.clamp(0, w)
    y1, y2 = y1.clamp(0, h), y2.clamp(0, h)
    return torch.stack([x1, y1, x2, y2], -1)


attr_prim("BoundingBoxEncode", None, {"means": (0.0, 0.0, 0.0, 0.0), "stds": (1.0, 1.0, 1.0, 1.0)},
          call=lambda self, anchor_box, groundtruth_box: OPS["bounding_box_encode"](anchor_box, groundtruth_box,
                                                                                      self.means, self.stds))
attr_prim("BoundingBoxDecode", None, {"max_shape": _REQ, "means": (0.0, 0.0, 0.0, 0.0), "stds": (1.0, 1.0, 1.0, 1.0),
                                      "wh_ratio_clip": 0.016},
          call=lambda self, anchor_box, deltas: OPS["bounding_box_decode"](anchor_box, deltas, self.max_shape,
                                                                          self.means, self.stds, self.wh_ratio_clip))


@op(samples=(S(V([[0, 0, 2, 2], [1, 1, 5, 5], [-1, 0, 3, 3]], "float32"), V([4, 4, 1], "float32")),))
def check_valid(bboxes, img_metas):
    h, w, ratio = img_metas[0], img_metas[1], img_metas[2]
    b = bboxes
    return (b[:, 0] >= 0) & (b[:, 1] >= 0) & (b[:, 2] <= w * ratio - 1) & (b[:, 3] <= h * ratio - 1)


attr_prim("CheckValid", None, {}, call=lambda self, bboxes, img_metas: OPS["check_valid"](bboxes, img_metas))


def _nms_with_mask(self, bboxes):
    b = unwrap(bboxes)
    order = torch.argsort(b[:, 4], descending=True, stable=True)
    sb = b[order]
    ov = _overlaps(sb, sb, 0)
    area = _areas(sb, 0)
    ious = ov / (area[None, :] + area[:, None] - ov)
    n = sb.shape[0]
    keep = torch.ones(n, dtype=torch.bool, device=b.device)
    for i in range(n):
        if keep[i]:
            later = torch.arange(n, device=b.device) > i
            keep &= ~(later & (ious[i] > self.iou_threshold))
    # the reference's selected_idx counts positions in the score-sorted output
    return Tensor._make(sb), Tensor._make(torch.arange(n, dtype=torch.int32, device=b.device)), Tensor._make(keep)


attr_prim("NMSWithMask", None, {"iou_threshold": 0.5}, call=_nms_with_mask)
