"""Cases shared by gen_layers_more.py (reference) and tests/test_layers_more.py (lightspore).

Attention / transformer layers, combined layers and the smaller cells of ``mindspore.nn``
(math, image, matrix, pooling-unpool, embedding-lookup, ...).

A case is (case id, class name, constructor kwargs, inputs, call kwargs, options):
  inputs: a list of (keyword or None, spec); None passes the input positionally. Specs:
    ("randn", shape)        float32 normal values, differentiated
    ("pos", shape)          float32 in [0.1, 2.1), differentiated
    ("unit", shape)         float32 in [0, 1), differentiated
    ("same", j)             the very same Tensor object as input j (self-attention: query is key is value)
    ("fmask", shape)        float32 normal values, not differentiated (float masks)
    ("causal", L, S)        bool, True above the diagonal (positions not allowed to attend)
    ("kpm", N, S, lengths)  bool (N, S), True at positions >= lengths[n] (padding)
    ("u8causal", L, S)      the causal mask as uint8
    ("int", shape, low, high)  int32 values in [low, high) ("int64": the same as int64)
    ("const", values, dtype)   fixed values ("float32", "int32", "bool", ...), not differentiated
    ("near", j, scale)      input j plus scale * normal noise, differentiated
    ("int8u", shape)        uint8 values
    ("pyfloat", value)      a Python float (not a Tensor)
    ("py", value)           any other Python value (not a Tensor), e.g. a shape tuple
    ("spd", batch, n)       float32 symmetric positive-definite (batch, n, n) matrices, differentiated
  options: {"train": bool (set_train before the call), "grad": bool (default True),
            "keep": bool (keep the initialized parameters and compare them instead of setting random ones),
            "graph": bool (the reference runs this cell in GRAPH_MODE: its PyNative path fails in 2.7.1),
            "ctor_only": bool (only the parameters of the constructed cell are compared),
            "ref": name in REF (the reference cell has no CPU kernel: the reference function REF[name] stands in)}.
Constructor kwargs are plain values, or markers that make_args turns into objects with the given
package: ("@ops", name) -> ops.<name>; ("@cell", class name, kwargs) -> nn.<class>(**kwargs);
("@dtype", name) -> the dtype object; ("@tensor", values, dtype) -> a Tensor.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
# the reference's error type and first message line, read back: one procedure for the conv and these cases
from layers_conv_cases import error_record  # noqa: E402, F401

E = 8  # embed dim of the attention cases

CASES = [
    # ---- MultiheadAttention
    ("mha_self", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (5, 3, E))), (None, ("same", 0)), (None, ("same", 0))], {}, {}),
    ("mha_cross_masks", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 3, E))), (None, ("randn", (6, 3, E))), (None, ("randn", (6, 3, E))),
      ("attn_mask", ("fmask", (4, 6))), ("key_padding_mask", ("kpm", 3, 6, (6, 4, 2)))], {}, {}),
    ("mha_kv_same_bf", "MultiheadAttention", dict(embed_dim=E, num_heads=4, batch_first=True),
     [(None, ("randn", (3, 4, E))), (None, ("randn", (3, 6, E))), (None, ("same", 1)),
      ("attn_mask", ("causal", 4, 6))], dict(average_attn_weights=False), {}),
    ("mha_kdim_vdim", "MultiheadAttention", dict(embed_dim=E, num_heads=2, kdim=6, vdim=5),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (6, 2, 6))), (None, ("randn", (6, 2, 5))),
      ("attn_mask", ("fmask", (4, 4, 6)))], {}, {}),
    ("mha_kdim_noweights", "MultiheadAttention", dict(embed_dim=E, num_heads=2, kdim=6, vdim=6),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, 6))), (None, ("same", 1)),
      ("key_padding_mask", ("kpm", 2, 5, (5, 3)))], dict(need_weights=False), {}),
    ("mha_bias_kv_zero", "MultiheadAttention", dict(embed_dim=E, num_heads=2, add_bias_kv=True, add_zero_attn=True),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, E))), (None, ("randn", (5, 2, E))),
      ("attn_mask", ("causal", 4, 5)), ("key_padding_mask", ("fmask", (2, 5)))], {}, {}),
    ("mha_no_bias", "MultiheadAttention", dict(embed_dim=E, num_heads=2, has_bias=False),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, E))), (None, ("same", 1))],
     dict(need_weights=False), {}),
    ("mha_unbatched", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, E))), (None, ("randn", (5, E))), (None, ("randn", (5, E))),
      ("attn_mask", ("fmask", (2, 4, 5))),
      ("key_padding_mask", ("const", [False, False, False, True, True], "bool"))], {}, {}),
    ("mha_unbatched_kpm1d", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, E))), (None, ("same", 0)), (None, ("same", 0)),
      ("key_padding_mask", ("const", [False, False, True, False], "bool"))], {}, {}),
    ("mha_float_mask_bool_kpm", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, E))), (None, ("same", 1)),
      ("attn_mask", ("fmask", (4, 5))), ("key_padding_mask", ("kpm", 2, 5, (4, 2)))], {}, {}),
    ("mha_u8_mask", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)),
      ("attn_mask", ("u8causal", 4, 4))], {}, {}),
    ("mha_dropout_eval", "MultiheadAttention", dict(embed_dim=E, num_heads=2, dropout=0.5),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0))], {}, {"train": False}),
    # ---- encoder / decoder layers
    ("enc_layer", "TransformerEncoderLayer", dict(d_model=E, nhead=2, dim_feedforward=16, dropout=0.0),
     [(None, ("randn", (5, 3, E)))], {}, {}),
    ("enc_layer_masks_bf_gelu", "TransformerEncoderLayer",
     dict(d_model=E, nhead=2, dim_feedforward=12, dropout=0.1, activation="gelu", batch_first=True),
     [(None, ("randn", (3, 5, E))), ("src_mask", ("causal", 5, 5)), ("src_key_padding_mask", ("kpm", 3, 5, (5, 3, 4)))],
     {}, {"train": False}),
    ("enc_layer_norm_first_ops_gelu", "TransformerEncoderLayer",
     dict(d_model=E, nhead=4, dim_feedforward=12, dropout=0.0, activation=("@ops", "gelu"), norm_first=True,
          layer_norm_eps=1e-3),
     [(None, ("randn", (5, 2, E))), ("src_mask", ("fmask", (5, 5)))], {}, {}),
    ("enc_layer_unbatched", "TransformerEncoderLayer", dict(d_model=E, nhead=2, dim_feedforward=16, dropout=0.0),
     [(None, ("randn", (5, E))), ("src_key_padding_mask", ("const", [0.0, 0.0, -1.0, 0.5, -2.0], "float32"))],
     {}, {}),
    ("dec_layer", "TransformerDecoderLayer", dict(d_model=E, nhead=2, dim_feedforward=16, dropout=0.0),
     [(None, ("randn", (4, 3, E))), (None, ("randn", (6, 3, E)))], {}, {}),
    ("dec_layer_masks_norm_first", "TransformerDecoderLayer",
     dict(d_model=E, nhead=2, dim_feedforward=12, dropout=0.2, norm_first=True, batch_first=True),
     [(None, ("randn", (3, 4, E))), (None, ("randn", (3, 6, E))), ("tgt_mask", ("causal", 4, 4)),
      ("memory_mask", ("fmask", (4, 6))), ("tgt_key_padding_mask", ("kpm", 3, 4, (4, 2, 3))),
      ("memory_key_padding_mask", ("kpm", 3, 6, (6, 5, 1)))], {}, {"train": False}),
    ("enc_stack", "TransformerEncoder",
     dict(encoder_layer=("@cell", "TransformerEncoderLayer", dict(d_model=E, nhead=2, dim_feedforward=12,
                                                                  dropout=0.0)),
          num_layers=2, norm=("@cell", "LayerNorm", dict(normalized_shape=(E,)))),
     [(None, ("randn", (5, 2, E))), ("src_key_padding_mask", ("kpm", 2, 5, (5, 3)))], {}, {}),
    ("dec_stack", "TransformerDecoder",
     dict(decoder_layer=("@cell", "TransformerDecoderLayer", dict(d_model=E, nhead=2, dim_feedforward=12,
                                                                  dropout=0.0, norm_first=True)),
          num_layers=2),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, E))), ("tgt_mask", ("causal", 4, 4))], {}, {}),
    ("transformer", "Transformer",
     dict(d_model=E, nhead=2, num_encoder_layers=1, num_decoder_layers=2, dim_feedforward=12, dropout=0.0),
     [(None, ("randn", (5, 2, E))), (None, ("randn", (4, 2, E))), ("tgt_mask", ("causal", 4, 4)),
      ("src_key_padding_mask", ("kpm", 2, 5, (5, 4)))], {}, {}),
    ("transformer_bf_gelu", "Transformer",
     dict(d_model=E, nhead=4, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=12, dropout=0.1,
          activation="gelu", batch_first=True, norm_first=True),
     [(None, ("randn", (2, 5, E))), (None, ("randn", (2, 3, E))), ("memory_mask", ("fmask", (3, 5)))],
     {}, {"train": False}),
    ("transformer_custom_encoder", "Transformer",
     dict(d_model=E, nhead=2, num_decoder_layers=1, dim_feedforward=12, dropout=0.0, activation=("@ops", "relu"),
          custom_encoder=("@cell", "TransformerEncoder",
                          dict(encoder_layer=("@cell", "TransformerEncoderLayer",
                                              dict(d_model=E, nhead=4, dim_feedforward=8, dropout=0.0)),
                               num_layers=1))),
     [(None, ("randn", (5, 2, E))), (None, ("randn", (4, 2, E))), ("memory_key_padding_mask", ("kpm", 2, 5, (5, 3)))],
     {}, {}),
    ("mha_bool_mask_float_kpm_bf", "MultiheadAttention", dict(embed_dim=E, num_heads=2, batch_first=True),
     [(None, ("randn", (2, 4, E))), (None, ("randn", (2, 5, E))), (None, ("randn", (2, 5, E))),
      ("attn_mask", ("causal", 4, 5)),
      ("key_padding_mask", ("const", [[0.0, 0.0, 0.0, 0.0, 1.5], [0.0, -2.0, 0.0, 0.0, 0.0]], "float32"))], {}, {}),
    # ---- combined
    ("conv2dbnact", "Conv2dBnAct", dict(in_channels=3, out_channels=4, kernel_size=3),
     [(None, ("randn", (2, 3, 5, 5)))], {}, {}),
    ("conv2dbnact_bn_relu_train", "Conv2dBnAct",
     dict(in_channels=3, out_channels=4, kernel_size=3, stride=2, has_bias=True, has_bn=True, activation="relu"),
     [(None, ("randn", (2, 3, 6, 5)))], {}, {"train": True}),
    ("conv2dbnact_bn_leaky_eval", "Conv2dBnAct",
     dict(in_channels=3, out_channels=4, kernel_size=2, pad_mode="valid", has_bn=True, momentum=0.9,
          activation="leakyrelu", alpha=0.3),
     [(None, ("randn", (2, 3, 5, 5)))], {}, {"train": False}),
    ("densebnact", "DenseBnAct", dict(in_channels=5, out_channels=4), [(None, ("randn", (3, 5)))], {}, {}),
    ("densebnact_bn_sigmoid_train", "DenseBnAct",
     dict(in_channels=5, out_channels=4, has_bn=True, activation="sigmoid", has_bias=False),
     [(None, ("randn", (6, 5)))], {}, {"train": True}),
    ("densebnact_act_cell", "DenseBnAct",
     dict(in_channels=5, out_channels=4, activation=("@cell", "Tanh", {}), has_bn=True),
     [(None, ("randn", (6, 5)))], {}, {"train": False}),
    # ---- dense-like
    ("bidense", "BiDense", dict(in1_channels=3, in2_channels=4, out_channels=5),
     [(None, ("randn", (6, 3))), (None, ("randn", (6, 4)))], {}, {}),
    ("bidense_3d_nobias", "BiDense", dict(in1_channels=3, in2_channels=4, out_channels=2, has_bias=False),
     [(None, ("randn", (2, 3, 3))), (None, ("randn", (2, 3, 4)))], {}, {}),
    ("linear", "Linear", dict(in_features=4, out_features=3), [(None, ("randn", (2, 5, 4)))], {}, {}),
    ("linear_nobias_1d", "Linear", dict(in_features=4, out_features=3, bias=False), [(None, ("randn", (4,)))], {},
     {}),
    # ---- math
    ("rlse_axis1", "ReduceLogSumExp", dict(axis=1), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("rlse_tuple_keep", "ReduceLogSumExp", dict(axis=(0, 2), keep_dims=True), [(None, ("randn", (2, 3, 4)))], {},
     {}),
    ("rlse_all", "ReduceLogSumExp", dict(axis=()), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("range_int", "Range", dict(start=1, limit=8, delta=2), [], {}, {}),
    ("range_limit_none", "Range", dict(start=5), [], {}, {}),
    ("range_float", "Range", dict(start=1.0, limit=3.0, delta=0.5), [], {}, {}),
    ("range_neg", "Range", dict(start=4, limit=-3, delta=-2), [], {}, {}),
    ("lgamma", "LGamma", {}, [(None, ("pos", (3, 4)))], {}, {}),
    ("lgamma_neg", "LGamma", {}, [(None, ("const", [-2.5, -1.3, -0.5, 0.3, 4.0, 11.5], "float32"))], {}, {}),
    ("digamma", "DiGamma", {}, [(None, ("pos", (3, 4)))], {}, {}),
    ("digamma_neg", "DiGamma", {}, [(None, ("const", [-2.5, -1.3, -0.5, 0.3, 4.0, 11.5], "float32"))], {}, {}),
    ("igamma", "IGamma", {}, [(None, ("const", [0.5, 1.0, 2.0, 3.5, 0.8, 5.0], "float32")), (None, ("pos", (6,)))],
     {}, {}),
    ("igamma_bcast", "IGamma", {}, [(None, ("const", [[0.5], [2.0]], "float32")), (None, ("pos", (2, 3)))], {}, {}),
    ("lbeta", "LBeta", {}, [(None, ("pos", (3, 4))), (None, ("pos", (3, 4)))], {}, {}),
    ("matmul_3d_2d", "MatMul", {}, [(None, ("randn", (2, 3, 4))), (None, ("randn", (4, 5)))], {}, {}),
    ("matmul_t", "MatMul", dict(transpose_x1=True, transpose_x2=True),
     [(None, ("randn", (4, 3))), (None, ("randn", (5, 4)))], {}, {}),
    ("matmul_1d_1d", "MatMul", {}, [(None, ("randn", (4,))), (None, ("randn", (4,)))], {}, {}),
    ("matmul_1d_3d", "MatMul", dict(transpose_x2=True), [(None, ("randn", (4,))), (None, ("randn", (2, 3, 4)))],
     {}, {}),
    ("matmul_bcast", "MatMul", {}, [(None, ("randn", (2, 1, 3, 4))), (None, ("randn", (5, 4, 2)))], {}, {}),
    ("moments_all", "Moments", {}, [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("moments_axis_keep", "Moments", dict(axis=1, keep_dims=True), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("moments_tuple", "Moments", dict(axis=(0, 2)), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("norm_axis", "Norm", dict(axis=1), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("norm_all", "Norm", {}, [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("norm_keep", "Norm", dict(axis=(1, 2), keep_dims=True), [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("clipbynorm", "ClipByNorm", {}, [(None, ("randn", (3, 4))), (None, ("const", 1.0, "float32"))], {}, {}),
    ("clipbynorm_noclip", "ClipByNorm", {}, [(None, ("randn", (3, 4))), (None, ("const", 100.0, "float32"))], {},
     {}),
    ("l1reg", "L1Regularizer", dict(scale=0.5), [(None, ("randn", (3, 4)))], {}, {}),
    ("l1reg_int", "L1Regularizer", dict(scale=2), [(None, ("int", (3, 4), -5, 5))], {}, {}),
    # ---- array
    ("tril", "Tril", {}, [(None, ("randn", (3, 4)))], {}, {}),
    ("tril_k", "Tril", {}, [(None, ("randn", (2, 3, 4)))], dict(k=1), {}),
    ("triu_int_k", "Triu", {}, [(None, ("int", (4, 3), -5, 5))], dict(k=-1), {}),
    ("onehot", "OneHot", dict(depth=4), [(None, ("int", (2, 3), 0, 4))], {}, {}),
    ("onehot_axis0_values", "OneHot", dict(axis=0, depth=3, on_value=5.0, off_value=-1.0),
     [(None, ("int", (2, 2), 0, 3))], {}, {}),
    ("onehot_int32", "OneHot", dict(depth=5, dtype=("@dtype", "int32")), [(None, ("int", (4,), 0, 6))], {}, {}),
    # ---- image
    ("imggrad", "ImageGradients", {}, [(None, ("randn", (2, 3, 4, 5)))], {}, {}),
    ("imggrad_h1", "ImageGradients", {}, [(None, ("randn", (1, 2, 1, 3)))], {}, {}),
    ("psnr", "PSNR", {}, [(None, ("unit", (2, 3, 4, 4))), (None, ("unit", (2, 3, 4, 4)))], {}, {"graph": True}),
    ("psnr_max2", "PSNR", dict(max_val=2), [(None, ("unit", (2, 3, 4, 4))), (None, ("unit", (2, 3, 4, 4)))], {},
     {"graph": True}),
    ("psnr_u8", "PSNR", {}, [(None, ("int8u", (2, 1, 3, 3))), (None, ("int8u", (2, 1, 3, 3)))], {},
     {"graph": True}),
    ("ssim", "SSIM", dict(filter_size=3), [(None, ("unit", (2, 3, 6, 6))), (None, ("near", 0, 0.1))], {},
     {"graph": True, "keep": True}),
    ("ssim_sigma", "SSIM", dict(max_val=2.0, filter_size=5, filter_sigma=0.8, k1=0.02, k2=0.05),
     [(None, ("unit", (1, 2, 7, 6))), (None, ("near", 0, 0.2))], {}, {"graph": True, "keep": True}),
    ("msssim", "MSSSIM", dict(power_factors=(0.3, 0.4, 0.3), filter_size=3),
     [(None, ("unit", (1, 2, 12, 12))), (None, ("near", 0, 0.05))], {}, {"graph": True, "keep": True}),
    ("ccrop", "CentralCrop", dict(central_fraction=0.5), [(None, ("randn", (2, 3, 6, 7)))], {}, {}),
    ("ccrop_3d", "CentralCrop", dict(central_fraction=0.3), [(None, ("randn", (3, 5, 8)))], {}, {}),
    ("ccrop_full", "CentralCrop", dict(central_fraction=1.0), [(None, ("randn", (3, 5, 8)))], {}, {}),
    # ---- cells without a CPU kernel in the reference: the golden values come from the reference's own
    #      equivalent functions (see REF), run on the same inputs
    ("matrixdiag", "MatrixDiag", {}, [(None, ("randn", (2, 3)))], {}, {"ref": "matrix_diag"}),
    ("matrixdiag_1d", "MatrixDiag", {}, [(None, ("randn", (4,)))], {}, {"ref": "matrix_diag"}),
    ("matrixdiagpart", "MatrixDiagPart", {}, [(None, ("randn", (2, 3, 3)))], {}, {"ref": "matrix_diag_part"}),
    ("matrixdiagpart_wide", "MatrixDiagPart", {}, [(None, ("randn", (2, 3, 5)))], {}, {"ref": "matrix_diag_part"}),
    ("matrixdiagpart_tall", "MatrixDiagPart", {}, [(None, ("randn", (4, 2)))], {}, {"ref": "matrix_diag_part"}),
    ("matrixsetdiag", "MatrixSetDiag", {}, [(None, ("randn", (2, 3, 3))), (None, ("randn", (2, 3)))], {},
     {"ref": "matrix_set_diag"}),
    ("matrixsetdiag_wide", "MatrixSetDiag", {}, [(None, ("randn", (2, 3, 5))), (None, ("randn", (2, 3)))], {},
     {"ref": "matrix_set_diag"}),
    ("matrixsetdiag_doc", "MatrixSetDiag", {},
     [(None, ("const", [[[-1, 0], [0, 1]], [[-1, 0], [0, 1]], [[-1, 0], [0, 1]]], "float32")),
      (None, ("const", [[-1., 2.], [-1., 1.], [-1., 1.]], "float32"))], {}, {"ref": "matrix_set_diag"}),
    ("roll", "Roll", dict(shift=(1, -2), axis=(0, 2)), [(None, ("randn", (2, 3, 4)))], {}, {"ref": "roll"}),
    ("roll_int", "Roll", dict(shift=3, axis=-1), [(None, ("randn", (2, 5)))], {}, {"ref": "roll"}),
    ("matinverse_doc", "MatInverse", {}, [(None, ("const", [[4, 12, -16], [12, 37, -43], [-16, -43, 98]], "float32"))],
     {}, {"ref": "inverse"}),
    ("matinverse_spd", "MatInverse", {}, [(None, ("spd", 2, 4))], {}, {"ref": "inverse", "grad": False}),
    ("matdet_doc", "MatDet", {}, [(None, ("const", [[4, 12, -16], [12, 37, -43], [-16, -43, 98]], "float32"))],
     {}, {"ref": "det"}),
    ("matdet_spd", "MatDet", {}, [(None, ("spd", 2, 3))], {}, {"ref": "det", "grad": False}),
    # Unfold (ExtractImagePatches has no CPU kernel): the reference's im2col (ops.unfold) put in the
    # (patch row, patch col, channel) depth order of its GPU kernel
    ("unfold_valid", "Unfold", dict(ksizes=[1, 2, 3, 1], strides=[1, 2, 1, 1], rates=[1, 1, 2, 1]),
     [(None, ("randn", (2, 3, 7, 8)))], {}, {"ref": "patches"}),
    ("unfold_same", "Unfold", dict(ksizes=[1, 3, 2, 1], strides=[1, 2, 3, 1], rates=[1, 1, 1, 1], padding="same"),
     [(None, ("randn", (1, 2, 6, 7)))], {}, {"ref": "patches"}),
    ("l1lossext", "L1LossExt", {}, [(None, ("randn", (3, 4))), (None, ("randn", (3, 4)))], {}, {"ref": "l1loss"}),
    ("l1lossext_sum_bcast", "L1LossExt", dict(reduction="sum"), [(None, ("randn", (3, 4))), (None, ("randn", (4,)))],
     {}, {"ref": "l1loss"}),
    ("l1lossext_none", "L1LossExt", dict(reduction="none"), [(None, ("randn", (3, 4))), (None, ("randn", (3, 4)))],
     {}, {"ref": "l1loss"}),
    ("avgpool1dext", "AvgPool1dExt", dict(kernel_size=3, stride=2, padding=1), [(None, ("randn", (2, 3, 9)))], {},
     {"ref": "avgpool1d"}),
    ("avgpool1dext_ceil_nocount", "AvgPool1dExt", dict(kernel_size=2, ceil_mode=True, count_include_pad=False),
     [(None, ("randn", (2, 3, 9)))], {}, {"ref": "avgpool1d"}),
    ("avgpool2dext", "AvgPool2dExt", dict(kernel_size=3, stride=2, padding=1), [(None, ("randn", (2, 3, 8, 7)))], {},
     {"ref": "avgpool2d"}),
    ("avgpool2dext_div", "AvgPool2dExt", dict(kernel_size=(2, 3), stride=(2, 1), divisor_override=4),
     [(None, ("randn", (1, 2, 6, 7)))], {}, {"ref": "avgpool2d"}),
    ("avgpool3dext", "AvgPool3dExt", dict(kernel_size=2, stride=2, padding=1, count_include_pad=False),
     [(None, ("randn", (1, 2, 5, 4, 4)))], {}, {"ref": "avgpool3d"}),
    ("maxpool2dext", "MaxPool2dExt", dict(kernel_size=3, stride=2, padding=1), [(None, ("randn", (2, 3, 8, 7)))], {},
     {"ref": "maxpool2d"}),
    ("maxpool2dext_idx_dil", "MaxPool2dExt", dict(kernel_size=2, stride=1, padding=1, dilation=2,
                                                  return_indices=True), [(None, ("randn", (1, 2, 6, 5)))], {},
     {"ref": "maxpool2d"}),
    # ---- pooling / unpooling with CPU kernels
    ("maxunpool1d", "MaxUnpool1d", dict(kernel_size=2),
     [(None, ("randn", (1, 2, 3))), (None, ("const", [[[0, 3, 4], [1, 2, 5]]], "int64"))], {}, {}),
    ("maxunpool2d", "MaxUnpool2d", dict(kernel_size=2),
     [(None, ("randn", (1, 2, 2, 2))), (None, ("const", [[[[0, 3], [9, 14]], [[5, 2], [13, 15]]]], "int64"))], {}, {}),
    ("maxunpool2d_outsize", "MaxUnpool2d", dict(kernel_size=2, stride=2, padding=0),
     [(None, ("randn", (1, 1, 2, 2))), (None, ("const", [[[[0, 4], [11, 24]]]], "int64"))],
     dict(output_size=(1, 1, 5, 5)), {}),
    ("maxunpool3d", "MaxUnpool3d", dict(kernel_size=2),
     [(None, ("randn", (1, 1, 2, 1, 1))), (None, ("const", [[[[[3]], [[12]]]]], "int64"))], {}, {}),
    ("fmp2d", "FractionalMaxPool2d", dict(kernel_size=2, output_size=(3, 3), return_indices=True,
                                          _random_samples=("@tensor", [[[0.3, 0.7], [0.1, 0.9]]], "float32")),
     [(None, ("randn", (1, 2, 6, 6)))], {}, {"grad": False}),
    ("fmp2d_ratio", "FractionalMaxPool2d", dict(kernel_size=(2, 3), output_ratio=(0.5, 0.5),
                                                _random_samples=("@tensor", [[[0.5, 0.2]]], "float32")),
     [(None, ("randn", (1, 1, 8, 9)))], {}, {"grad": False}),
    ("fmp3d", "FractionalMaxPool3d", dict(kernel_size=2, output_size=(2, 2, 2), return_indices=True,
                                          _random_samples=("@tensor", [[[0.2, 0.6, 0.4], [0.8, 0.1, 0.5]]],
                                                           "float32")),
     [(None, ("randn", (1, 2, 5, 5, 5)))], {}, {}),
    # ---- embedding lookups
    ("emblookup", "EmbeddingLookup", dict(vocab_size=6, embedding_size=3), [(None, ("int", (2, 4), 0, 6))], {}, {}),
    ("emblookup_oob", "EmbeddingLookup", dict(vocab_size=6, embedding_size=3),
     [(None, ("const", [[0, 7, 2, -1, 5]], "int32"))], {}, {}),
    ("emblookup_device", "EmbeddingLookup", dict(vocab_size=6, embedding_size=3, target="DEVICE", sparse=False),
     [(None, ("int", (3,), 0, 6))], {}, {}),
    ("mfel_sum", "MultiFieldEmbeddingLookup", dict(vocab_size=10, embedding_size=3, field_size=3),
     [(None, ("int", (2, 4), 0, 10)), (None, ("randn", (2, 4))),
      (None, ("const", [[0, 0, 2, 1], [1, 2, 2, 0]], "int32"))], {}, {}),
    ("mfel_mean", "MultiFieldEmbeddingLookup", dict(vocab_size=10, embedding_size=3, field_size=3, operator="MEAN"),
     [(None, ("int", (2, 4), 0, 10)), (None, ("randn", (2, 4))),
      (None, ("const", [[0, 0, 2, 2], [1, 1, 1, 0]], "int32"))], {}, {}),
    ("mfel_max", "MultiFieldEmbeddingLookup", dict(vocab_size=10, embedding_size=3, field_size=3, operator="MAX"),
     [(None, ("int", (2, 4), 0, 10)), (None, ("const", [[1.0, 0.5, 0.0, 2.0], [1.5, 0.0, 1.0, 0.7]], "float32")),
      (None, ("const", [[0, 0, 2, 1], [1, 2, 2, 0]], "int32"))], {}, {}),
    ("embext", "EmbeddingExt", dict(num_embeddings=6, embedding_dim=3), [(None, ("int64", (2, 4), 0, 6))], {},
     {"ref": "embedding"}),
    ("embext_padding_fwd", "EmbeddingExt", dict(num_embeddings=6, embedding_dim=3, padding_idx=2),
     [(None, ("const", [[2, 0, 5], [2, 2, 1]], "int64"))], {}, {"ref": "embedding", "grad": False}),
    ("embext_params", "EmbeddingExt", dict(num_embeddings=5, embedding_dim=3, padding_idx=1), [], {},
     {"ctor_only": True}),
    # ---- torch-style layers with CPU kernels
    # (the reference has no CPU kernel for LayerNormExt: the normalization written with its elementwise ops on
    #  the cell's own weight and bias stands in; the initial weight/bias are compared in the first case)
    ("layernormext_init", "LayerNormExt", dict(normalized_shape=4), [(None, ("randn", (2, 3, 4)))], {},
     {"ref": "layernorm", "keep": True}),
    ("layernormext", "LayerNormExt", dict(normalized_shape=4), [(None, ("randn", (2, 3, 4)))], {},
     {"ref": "layernorm"}),
    ("layernormext_2d_noaffine", "LayerNormExt", dict(normalized_shape=[3, 4], elementwise_affine=False, eps=1e-3),
     [(None, ("randn", (2, 3, 4)))], {}, {"ref": "layernorm"}),
    ("layernormext_nobias", "LayerNormExt", dict(normalized_shape=(4,), bias=False), [(None, ("randn", (3, 4)))],
     {}, {"ref": "layernorm"}),
    ("dropoutext_eval", "DropoutExt", dict(p=0.5), [(None, ("randn", (3, 4)))], {}, {"train": False}),
    ("dropoutext_p0_train", "DropoutExt", dict(p=0.0), [(None, ("randn", (3, 4)))], {}, {"train": True}),
    ("dropout2dext_eval", "Dropout2dExt", dict(p=0.3), [(None, ("randn", (2, 3, 4, 4)))], {}, {"train": False}),
    ("syncbn_train", "SyncBatchNorm", dict(num_features=3), [(None, ("randn", (2, 3, 4, 4)))], {}, {"train": True}),
    ("syncbn_eval", "SyncBatchNorm", dict(num_features=3, momentum=0.8), [(None, ("randn", (2, 3, 4, 4)))], {},
     {"train": False}),
    ("timedist", "TimeDistributed", dict(layer=("@cell", "Dense", dict(in_channels=4, out_channels=2)), time_axis=1),
     [(None, ("randn", (2, 3, 4)))], {}, {}),
    ("timedist_reshape", "TimeDistributed",
     dict(layer=("@cell", "Dense", dict(in_channels=4, out_channels=2)), time_axis=1, reshape_with_axis=0),
     [(None, ("randn", (2, 3, 4)))], {}, {}),
    # ---- deprecated gradient cells and the sampled softmax loss
    ("vjp_dense", "Vjp", dict(fn=("@cell", "Dense", dict(in_channels=3, out_channels=2))),
     [(None, ("randn", (4, 3))), (None, ("fmask", (4, 2)))], {}, {"grad": False}),
    ("vjp_matmul", "Vjp", dict(fn=("@cell", "MatMul", {})),
     [(None, ("randn", (2, 3))), (None, ("randn", (3, 4))), (None, ("fmask", (2, 4)))], {}, {"grad": False}),
    ("jvp_tanh", "Jvp", dict(fn=("@cell", "Tanh", {})), [(None, ("randn", (3, 4))), (None, ("fmask", (3, 4)))], {},
     {"grad": False}),
    ("jvp_dense", "Jvp", dict(fn=("@cell", "Dense", dict(in_channels=3, out_channels=2, activation="tanh"))),
     [(None, ("randn", (4, 3))), (None, ("fmask", (4, 3)))], {}, {"grad": False}),
    ("sampled_softmax", "SampledSoftmaxLoss",
     dict(num_sampled=3, num_classes=7, sampled_values=(("@tensor", [0, 5, 6], "int32"),
                                                        ("@tensor", [[0.66], [0.66]], "float32"),
                                                        ("@tensor", [0.66, 0.66, 0.66], "float32"))),
     [(None, ("randn", (7, 4))), (None, ("randn", (7,))), (None, ("const", [[1], [4]], "int32")),
      (None, ("randn", (2, 4)))], {}, {}),
    ("sampled_softmax_true2", "SampledSoftmaxLoss",
     dict(num_sampled=2, num_classes=6, num_true=2, reduction="mean",
          sampled_values=(("@tensor", [3, 0], "int64"), ("@tensor", [[0.4, 0.5], [0.3, 0.6]], "float32"),
                          ("@tensor", [0.45, 0.35], "float32"))),
     [(None, ("randn", (6, 3))), (None, ("randn", (6,))), (None, ("const", [[1, 2], [5, 4]], "int64")),
      (None, ("randn", (2, 3)))], {}, {}),
    ("spdm", "SparseTensorDenseMatmul", {},
     [(None, ("const", [[0, 1], [1, 2], [2, 0], [1, 2]], "int32")), (None, ("randn", (4,))), (None, ("py", (3, 4))),
      (None, ("randn", (4, 2)))], {}, {}),
    ("spdm_adjoint", "SparseTensorDenseMatmul", dict(adjoint_st=True, adjoint_dt=True),
     [(None, ("const", [[0, 1], [2, 3], [1, 0]], "int64")), (None, ("randn", (3,))), (None, ("py", (3, 4))),
      (None, ("randn", (5, 3)))], {}, {}),
    ("timedist_last_axis", "TimeDistributed",
     dict(layer=("@cell", "Dense", dict(in_channels=3, out_channels=5)), time_axis=-1),
     [(None, ("randn", (2, 3, 4)))], {}, {}),
]


def _ref_roll(ms, x, net_kwargs):
    return ms.numpy.roll(x, net_kwargs["shift"], net_kwargs["axis"])


# reference functions standing in for cells that have no CPU kernel in the reference:
# name -> f(ms, *inputs, net_kwargs) computing what the cell computes (net_kwargs["_cell"]: the reference cell)
REF = {
    "matrix_diag": lambda ms, x, kw: ms.ops.matrix_diag(x),
    "matrix_diag_part": lambda ms, x, kw: ms.ops.matrix_diag_part(x, ms.Tensor(0, ms.int32), ms.Tensor(0, x.dtype)),
    "matrix_set_diag": lambda ms, x, d, kw: ms.ops.matrix_set_diag(x, d),
    "roll": _ref_roll,
    "inverse": lambda ms, x, kw: ms.ops.inverse(x),
    "det": lambda ms, x, kw: ms.ops.det(x),
    "layernorm": lambda ms, x, kw: _layer_norm(ms, x, kw),
    "patches": lambda ms, x, kw: _patches(ms, x, kw),
    "l1loss": lambda ms, a, b, kw: ms.nn.L1Loss(**{k: v for k, v in kw.items() if k != "_cell"})(a, b),
    "embedding": lambda ms, idx, kw: ms.ops.gather(kw["_cell"].weight, idx, 0),
    "avgpool1d": lambda ms, x, kw: _old_pool(ms, "AvgPool1d", kw)(x),
    "avgpool2d": lambda ms, x, kw: _old_pool(ms, "AvgPool2d", kw)(x),
    "avgpool3d": lambda ms, x, kw: _old_pool(ms, "AvgPool3d", kw)(x),
    "maxpool2d": lambda ms, x, kw: _old_pool(ms, "MaxPool2d", kw)(x),
}


def _patches(ms, x, kw):
    """Image patches from the reference's im2col, depth ordered (patch row, patch col, channel)."""
    (_, kr, kc, _), (_, sr, sc, _), (_, rr, rc, _) = kw["ksizes"], kw["strides"], kw["rates"]
    n, c, h, w = x.shape
    er, ec = (kr - 1) * rr + 1, (kc - 1) * rc + 1
    if kw.get("padding", "valid").upper() == "SAME":
        oh, ow = -(-h // sr), -(-w // sc)
        top, left = ((oh - 1) * sr + er - h) // 2, ((ow - 1) * sc + ec - w) // 2
        x = ms.ops.pad(x, (left, (ow - 1) * sc + ec - w - left, top, (oh - 1) * sr + er - h - top))
    else:
        oh, ow = (h - er) // sr + 1, (w - ec) // sc + 1
    cols = ms.ops.unfold(x, (kr, kc), dilation=(rr, rc), padding=0, stride=(sr, sc))
    cols = cols.reshape(n, c, kr * kc, oh, ow).transpose(0, 2, 1, 3, 4)
    return cols.reshape(n, kr * kc * c, oh, ow)


def _layer_norm(ms, x, kw):
    """Layer normalization written with the reference's elementwise ops, on the reference cell's weight/bias."""
    shape = kw["normalized_shape"]
    n = 1 if isinstance(shape, int) else len(shape)
    axes = tuple(range(len(x.shape) - n, len(x.shape)))
    mean = x.mean(axis=axes, keep_dims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keep_dims=True)
    y = (x - mean) / ms.ops.sqrt(var + kw.get("eps", 1e-5))
    cell = kw["_cell"]
    if cell.weight is not None:
        y = y * cell.weight
    if cell.bias is not None:
        y = y + cell.bias
    return y


def _old_pool(ms, cls_name, kw):
    """The reference's pooling cell in 'pad' mode with the arguments of the torch-style *Ext cell."""
    kw = {k: v for k, v in kw.items() if k != "_cell"}
    if kw.get("stride") is None:
        kw["stride"] = kw["kernel_size"]
    return getattr(ms.nn, cls_name)(pad_mode="pad", **kw)

# Construction errors: (case id, class name, kwargs). Expected: the reference's exception type and message.
CTOR_ERRORS = [
    ("mha_divisible", "MultiheadAttention", dict(embed_dim=10, num_heads=3)),
    ("enc_act_name", "TransformerEncoderLayer", dict(d_model=E, nhead=2, activation="tanh")),
    ("enc_act_cell", "TransformerEncoderLayer", dict(d_model=E, nhead=2, activation=("@cell", "ReLU", {}))),
    ("enc_act_other_cell", "TransformerEncoderLayer", dict(d_model=E, nhead=2, activation=("@cell", "Tanh", {}))),
    ("enc_act_int", "TransformerEncoderLayer", dict(d_model=E, nhead=2, activation=3)),
    ("enc_act_ops_other", "TransformerEncoderLayer", dict(d_model=E, nhead=2, activation=("@ops", "tanh"))),
    ("dec_act_name", "TransformerDecoderLayer", dict(d_model=E, nhead=2, activation="swish")),
    ("conv2dbnact_hasbn", "Conv2dBnAct", dict(in_channels=3, out_channels=4, kernel_size=3, has_bn=1)),
    ("conv2dbnact_act", "Conv2dBnAct", dict(in_channels=3, out_channels=4, kernel_size=3, activation=3)),
    ("conv2dbnact_act_name", "Conv2dBnAct", dict(in_channels=3, out_channels=4, kernel_size=3, activation="nope")),
    ("densebnact_fake", "DenseBnAct", dict(in_channels=3, out_channels=4, after_fake="yes")),
    ("densebnact_act", "DenseBnAct", dict(in_channels=3, out_channels=4, activation=1.5)),
    ("bidense_in1", "BiDense", dict(in1_channels=0, in2_channels=2, out_channels=3)),
    ("bidense_type", "BiDense", dict(in1_channels=2.0, in2_channels=2, out_channels=3)),
    ("bidense_bias", "BiDense", dict(in1_channels=2, in2_channels=2, out_channels=3, has_bias=1)),
    ("linear_bias", "Linear", dict(in_features=2, out_features=3, bias=1)),
    ("linear_zero", "Linear", dict(in_features=0, out_features=3)),
    ("rlse_axis", "ReduceLogSumExp", dict(axis=1.0)),
    ("rlse_keep", "ReduceLogSumExp", dict(axis=1, keep_dims=1)),
    ("range_delta0", "Range", dict(start=1, limit=3, delta=0)),
    ("matmul_t", "MatMul", dict(transpose_x1=1)),
    ("moments_axis", "Moments", dict(axis=[0, 1])),
    ("moments_axis_item", "Moments", dict(axis=(0, 1.0))),
    ("moments_keep", "Moments", dict(keep_dims=1)),
    ("norm_keep", "Norm", dict(axis=1, keep_dims=1)),
    ("clipbynorm_axis", "ClipByNorm", dict(axis=1.5)),
    ("l1reg_zero", "L1Regularizer", dict(scale=0)),
    ("l1reg_type", "L1Regularizer", dict(scale="a")),
    ("l1reg_inf", "L1Regularizer", dict(scale=float("inf"))),
    ("psnr_maxval", "PSNR", dict(max_val=0)),
    ("psnr_maxval_type", "PSNR", dict(max_val="1")),
    ("ssim_filter", "SSIM", dict(filter_size=0)),
    ("ssim_sigma_int", "SSIM", dict(filter_sigma=1)),
    ("ssim_k1", "SSIM", dict(k1=1)),
    ("msssim_pf", "MSSSIM", dict(power_factors=0.5)),
    ("ccrop_type", "CentralCrop", dict(central_fraction=1)),
    ("ccrop_range", "CentralCrop", dict(central_fraction=1.5)),
    ("ccrop_zero", "CentralCrop", dict(central_fraction=0.0)),
    ("roll_shift_type", "Roll", dict(shift=1.0, axis=0)),
    ("roll_len", "Roll", dict(shift=(1, 2), axis=(0,))),
    ("unfold_type", "Unfold", dict(ksizes=3, strides=[1, 1, 1, 1], rates=[1, 1, 1, 1])),
    ("unfold_len", "Unfold", dict(ksizes=[1, 2, 2], strides=[1, 1, 1, 1], rates=[1, 1, 1, 1])),
    ("unfold_format", "Unfold", dict(ksizes=[2, 2, 2, 1], strides=[1, 1, 1, 1], rates=[1, 1, 1, 1])),
    ("unfold_zero", "Unfold", dict(ksizes=[1, 2, 2, 1], strides=[1, 0, 1, 1], rates=[1, 1, 1, 1])),
    ("unfold_rate_float", "Unfold", dict(ksizes=[1, 2, 2, 1], strides=[1, 1, 1, 1], rates=[1, 1.0, 1, 1])),
    ("timedist_layer", "TimeDistributed", dict(layer=3, time_axis=1)),
    ("timedist_axis", "TimeDistributed", dict(layer=("@cell", "ReLU", {}), time_axis=1.0)),
    ("timedist_rwa", "TimeDistributed", dict(layer=("@cell", "ReLU", {}), time_axis=1, reshape_with_axis="0")),
    ("emblookup_target", "EmbeddingLookup", dict(vocab_size=4, embedding_size=2, target="GPU")),
    ("emblookup_sparse_cpu", "EmbeddingLookup", dict(vocab_size=4, embedding_size=2, sparse=False)),
    ("emblookup_sparse_type", "EmbeddingLookup", dict(vocab_size=4, embedding_size=2, sparse=1)),
    ("emblookup_vocab", "EmbeddingLookup", dict(vocab_size=0, embedding_size=2)),
    ("emblookup_maxnorm", "EmbeddingLookup", dict(vocab_size=4, embedding_size=2, max_norm=1)),
    ("mfel_operator", "MultiFieldEmbeddingLookup", dict(vocab_size=4, embedding_size=2, field_size=2,
                                                        operator="MIN")),
    ("mfel_field", "MultiFieldEmbeddingLookup", dict(vocab_size=4, embedding_size=2, field_size=0)),
    ("embext_sparse", "EmbeddingExt", dict(num_embeddings=4, embedding_dim=2, sparse=True)),
    ("embext_num", "EmbeddingExt", dict(num_embeddings=4.0, embedding_dim=2)),
    ("embext_padding", "EmbeddingExt", dict(num_embeddings=4, embedding_dim=2, padding_idx=4)),
    ("embext_maxnorm", "EmbeddingExt", dict(num_embeddings=4, embedding_dim=2, max_norm=1)),
    ("layernormext_shape", "LayerNormExt", dict(normalized_shape="4")),
    ("layernormext_empty", "LayerNormExt", dict(normalized_shape=())),
    ("l1lossext_reduction", "L1LossExt", dict(reduction="avg")),
    ("mlml_reduction", "MultilabelMarginLoss", dict(reduction="avg")),
    ("syncbn_features", "SyncBatchNorm", dict(num_features=0)),
    ("syncbn_momentum", "SyncBatchNorm", dict(num_features=2, momentum=1.5)),
    ("sampled_num_true", "SampledSoftmaxLoss", dict(num_sampled=2, num_classes=5, num_true=0)),
    ("sampled_seed", "SampledSoftmaxLoss", dict(num_sampled=2, num_classes=5, seed=-1)),
    ("sampled_too_many", "SampledSoftmaxLoss", dict(num_sampled=6, num_classes=5)),
    ("sampled_values_type", "SampledSoftmaxLoss", dict(num_sampled=2, num_classes=5, sampled_values=3)),
    ("sampled_values_len", "SampledSoftmaxLoss", dict(num_sampled=2, num_classes=5, sampled_values=(1, 2))),
    ("sampled_reduction", "SampledSoftmaxLoss", dict(num_sampled=2, num_classes=5, reduction="avg")),
    ("tml_ok", "TripletMarginLoss", dict(p=1, margin=0.5)),
    ("spdm_adj_type", "SparseTensorDenseMatmul", dict(adjoint_st=1)),
    ("unfold_padding", "Unfold", dict(ksizes=[1, 2, 2, 1], strides=[1, 1, 1, 1], rates=[1, 1, 1, 1], padding="full")),
    # ---- the common layers: wrong type, bool for int, zero/negative, wrong string
    ("dense_in_zero", "Dense", dict(in_channels=0, out_channels=3)),
    ("dense_in_float", "Dense", dict(in_channels=2.0, out_channels=3)),
    ("dense_out_bool", "Dense", dict(in_channels=2, out_channels=True)),
    ("dense_bias_int", "Dense", dict(in_channels=2, out_channels=3, has_bias=1)),
    ("dense_act_name", "Dense", dict(in_channels=2, out_channels=3, activation="nope")),
    ("dense_act_int", "Dense", dict(in_channels=2, out_channels=3, activation=3)),
    ("dense_weight_shape", "Dense", dict(in_channels=3, out_channels=2,
                                         weight_init=("@tensor", [[1.0, 2.0], [3.0, 4.0]], "float32"))),
    ("dense_bias_shape", "Dense", dict(in_channels=3, out_channels=2,
                                       bias_init=("@tensor", [1.0, 2.0, 3.0], "float32"))),
    ("linear_in_float", "Linear", dict(in_features=2.0, out_features=3)),
    ("linear_in_bool", "Linear", dict(in_features=True, out_features=3)),
    ("linear_out_neg", "Linear", dict(in_features=2, out_features=-1)),
    ("linear_weight_shape", "Linear", dict(in_features=3, out_features=2,
                                           weight_init=("@tensor", [[1.0, 2.0], [3.0, 4.0]], "float32"))),
    ("linear_bias_shape", "Linear", dict(in_features=3, out_features=2,
                                         bias_init=("@tensor", [1.0, 2.0, 3.0], "float32"))),
    ("flatten_start_float", "Flatten", dict(start_dim=1.0)),
    ("flatten_end_str", "Flatten", dict(end_dim="a")),
    ("flatten_start_bool", "Flatten", dict(start_dim=True)),
    ("lstm_hidden_zero", "LSTM", dict(input_size=3, hidden_size=0)),
    ("lstm_input_float", "LSTM", dict(input_size=3.0, hidden_size=4)),
    ("lstm_layers_zero", "LSTM", dict(input_size=3, hidden_size=4, num_layers=0)),
    ("lstm_bias_int", "LSTM", dict(input_size=3, hidden_size=4, has_bias=1)),
    ("lstm_batch_first_int", "LSTM", dict(input_size=3, hidden_size=4, batch_first=1)),
    ("lstm_dropout_big", "LSTM", dict(input_size=3, hidden_size=4, dropout=1.5)),
    ("lstm_dropout_str", "LSTM", dict(input_size=3, hidden_size=4, dropout="a")),
    ("lstm_bidir_int", "LSTM", dict(input_size=3, hidden_size=4, bidirectional=1)),
    ("gru_hidden_bool", "GRU", dict(input_size=3, hidden_size=True)),
    ("gru_layers_neg", "GRU", dict(input_size=3, hidden_size=4, num_layers=-1)),
    ("rnn_nonlin", "RNN", dict(input_size=3, hidden_size=4, nonlinearity="sigmoid")),
    ("rnn_input_zero", "RNN", dict(input_size=0, hidden_size=4)),
    ("lstmcell_hidden_zero", "LSTMCell", dict(input_size=3, hidden_size=0)),
    ("grucell_bias_int", "GRUCell", dict(input_size=3, hidden_size=4, has_bias=1)),
    ("rnncell_nonlin", "RNNCell", dict(input_size=3, hidden_size=4, nonlinearity="sigmoid")),
    ("leakyrelu_alpha_str", "LeakyReLU", dict(alpha="a")),
    ("elu_alpha_zero", "ELU", dict(alpha=0.0)),
    ("elu_alpha_int", "ELU", dict(alpha=1)),
    ("celu_alpha_zero", "CELU", dict(alpha=0.0)),
    ("celu_alpha_str", "CELU", dict(alpha="a")),
    ("softmax_axis_float", "Softmax", dict(axis=1.0)),
    ("logsoftmax_axis_str", "LogSoftmax", dict(axis="a")),
    ("softmin_axis_float", "Softmin", dict(axis=1.0)),
    ("hshrink_lambd_str", "HShrink", dict(lambd="a")),
    ("softshrink_lambd_neg", "SoftShrink", dict(lambd=-1.0)),
    ("softshrink_lambd_int", "SoftShrink", dict(lambd=1)),
    ("hardtanh_min_str", "Hardtanh", dict(min_val="a")),
    ("threshold_value_str", "Threshold", dict(threshold=0.5, value="a")),
    ("glu_axis_float", "GLU", dict(axis=1.5)),
    ("prelu_channel_float", "PReLU", dict(channel=2.0)),
    ("mse_reduction", "MSELoss", dict(reduction="avg")),
    ("l1_reduction_int", "L1Loss", dict(reduction=1)),
    ("ce_reduction", "CrossEntropyLoss", dict(reduction="avg")),
    ("bce_reduction", "BCELoss", dict(reduction="avg")),
    ("nll_reduction", "NLLLoss", dict(reduction="avg")),
    ("sl1_beta_int", "SmoothL1Loss", dict(beta=1)),
    ("kl_reduction", "KLDivLoss", dict(reduction="avg")),
    ("huber_reduction", "HuberLoss", dict(reduction="avg")),
]

# Call errors: (case id, class name, kwargs, inputs, call kwargs). Expected: the reference's exception type
# and message.
CALL_ERRORS = [
    ("mha_kpm_int", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)),
      ("key_padding_mask", ("int", (2, 4), 0, 2))], {}),
    ("mha_mask_shape", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)), ("attn_mask", ("fmask", (4, 5)))],
     {}),
    ("mha_mask_3d_shape", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)), ("attn_mask", ("fmask", (2, 4, 4)))],
     {}),
    ("mha_mask_int", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)), ("attn_mask", ("int", (4, 4), 0, 2))],
     {}),
    ("mha_kpm_shape", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)),
      ("key_padding_mask", ("kpm", 2, 3, (3, 3)))], {}),
    ("mha_kpm_ndim", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("same", 0)), (None, ("same", 0)),
      ("key_padding_mask", ("fmask", (2, 4, 1)))], {}),
    ("mha_q_4d", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, 1, E))), (None, ("same", 0)), (None, ("same", 0))], {}),
    ("mha_k_ndim", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (4, E))), (None, ("randn", (4, E)))], {}),
    ("mha_embed", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, 6))), (None, ("same", 0)), (None, ("same", 0))], {}),
    ("mha_kv_shape", "MultiheadAttention", dict(embed_dim=E, num_heads=2),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (5, 2, E))), (None, ("randn", (6, 2, E)))], {}),
    ("enc_kpm_int", "TransformerEncoderLayer", dict(d_model=E, nhead=2, dim_feedforward=8),
     [(None, ("randn", (4, 2, E))), ("src_key_padding_mask", ("int", (2, 4), 0, 2))], {}),
    ("encstack_kpm_int", "TransformerEncoder",
     dict(encoder_layer=("@cell", "TransformerEncoderLayer", dict(d_model=E, nhead=2, dim_feedforward=8)),
          num_layers=1),
     [(None, ("randn", (4, 2, E))), ("src_key_padding_mask", ("int", (2, 4), 0, 2))], {}),
    ("dec_kpm_int", "TransformerDecoderLayer", dict(d_model=E, nhead=2, dim_feedforward=8),
     [(None, ("randn", (4, 2, E))), (None, ("randn", (3, 2, E))),
      ("memory_key_padding_mask", ("int", (2, 3), 0, 2))], {}),
    ("transformer_dmodel", "Transformer", dict(d_model=E, nhead=2, num_encoder_layers=1, num_decoder_layers=1,
                                                dim_feedforward=8),
     [(None, ("randn", (4, 2, 6))), (None, ("randn", (3, 2, 6)))], {}),
    ("bidense_last", "BiDense", dict(in1_channels=3, in2_channels=4, out_channels=2),
     [(None, ("randn", (2, 4))), (None, ("randn", (2, 4)))], {}),
    ("bidense_lead", "BiDense", dict(in1_channels=3, in2_channels=4, out_channels=2),
     [(None, ("randn", (2, 3))), (None, ("randn", (3, 4)))], {}),
    ("lgamma_int", "LGamma", {}, [(None, ("int", (3,), 1, 4))], {}),
    ("digamma_int", "DiGamma", {}, [(None, ("int", (3,), 1, 4))], {}),
    ("igamma_dtype", "IGamma", {}, [(None, ("const", [1.0], "float32")), (None, ("const", [1.0], "float16"))], {}),
    ("lbeta_dtype", "LBeta", {}, [(None, ("const", [1.0], "float32")), (None, ("const", [1.0], "float16"))], {}),
    ("matmul_shape", "MatMul", {}, [(None, ("randn", (2, 3))), (None, ("randn", (2, 3)))], {}),
    ("moments_int", "Moments", {}, [(None, ("int", (3,), 1, 4))], {}),
    ("clipbynorm_scalar", "ClipByNorm", {}, [(None, ("randn", (3,))), (None, ("pyfloat", 1.0))], {}),
    ("l1reg_bool", "L1Regularizer", dict(scale=1.0), [(None, ("const", [True, False], "bool"))], {}),
    ("imggrad_3d", "ImageGradients", {}, [(None, ("randn", (2, 3, 4)))], {}),
    ("ccrop_2d", "CentralCrop", dict(central_fraction=0.5), [(None, ("randn", (3, 4)))], {}),
    ("timedist_2d", "TimeDistributed", dict(layer=("@cell", "ReLU", {}), time_axis=1), [(None, ("randn", (3, 4)))],
     {}),
    ("emblookup_float", "EmbeddingLookup", dict(vocab_size=4, embedding_size=2),
     [(None, ("const", [1.0, 2.0], "float32"))], {}),
    ("mfel_1d", "MultiFieldEmbeddingLookup", dict(vocab_size=4, embedding_size=2, field_size=2),
     [(None, ("int", (3,), 0, 4)), (None, ("randn", (3,))), (None, ("int", (3,), 0, 2))], {}),
    ("mfel_values_int", "MultiFieldEmbeddingLookup", dict(vocab_size=4, embedding_size=2, field_size=2),
     [(None, ("int", (1, 3), 0, 4)), (None, ("int", (1, 3), 0, 2)), (None, ("int", (1, 3), 0, 2))], {}),
    ("maxunpool2d_outsize_list", "MaxUnpool2d", dict(kernel_size=2),
     [(None, ("randn", (1, 1, 2, 2))), (None, ("const", [[[[0, 3], [9, 14]]]], "int64"))], dict(output_size=[4, 4])),
    ("fmp2d_none", "FractionalMaxPool2d", dict(kernel_size=2), [(None, ("randn", (1, 1, 6, 6)))], {}),
    ("fmp2d_ratio_range", "FractionalMaxPool2d", dict(kernel_size=2, output_ratio=1.5),
     [(None, ("randn", (1, 1, 6, 6)))], {}),
    ("dense_shape", "Dense", dict(in_channels=3, out_channels=2), [(None, ("randn", (2, 4)))], {}),
    ("dense_1d", "Dense", dict(in_channels=3, out_channels=2), [(None, ("randn", (4,)))], {}),
    ("linear_shape", "Linear", dict(in_features=3, out_features=2), [(None, ("randn", (2, 4)))], {}),
    ("linear_str", "Linear", dict(in_features=3, out_features=2), [(None, ("py", "abc"))], {}),
    ("flatten_start_float_call", "Flatten", dict(start_dim=1.0), [(None, ("randn", (2, 3, 4)))], {}),
    ("flatten_end_str_call", "Flatten", dict(end_dim="a"), [(None, ("randn", (2, 3, 4)))], {}),
    ("flatten_range", "Flatten", dict(start_dim=5), [(None, ("randn", (2, 3, 4)))], {}),
    ("dense_str", "Dense", dict(in_channels=3, out_channels=2), [(None, ("py", "abc"))], {}),
    ("flatten_dims", "Flatten", dict(start_dim=2, end_dim=1), [(None, ("randn", (2, 3, 4)))], {}),
    ("flatten_str", "Flatten", {}, [(None, ("py", "abc"))], {}),
    ("lstm_features", "LSTM", dict(input_size=3, hidden_size=4), [(None, ("randn", (5, 2, 4)))], {}),
    ("gru_ndim", "GRU", dict(input_size=3, hidden_size=4), [(None, ("randn", (5, 2, 3, 1)))], {}),
    ("rnn_hx_shape", "RNN", dict(input_size=3, hidden_size=4),
     [(None, ("randn", (5, 2, 3))), (None, ("randn", (1, 3, 4)))], {}),
    ("lstmcell_features", "LSTMCell", dict(input_size=3, hidden_size=4), [(None, ("randn", (2, 5)))], {}),
    ("softmax_str", "Softmax", {}, [(None, ("py", "abc"))], {}),
    ("relu_str", "ReLU", {}, [(None, ("py", "abc"))], {}),
    ("leakyrelu_list", "LeakyReLU", {}, [(None, ("py", [1.0, 2.0]))], {}),
    ("mse_shape", "MSELoss", {}, [(None, ("randn", (2, 3))), (None, ("randn", (4,)))], {}),
    ("l1_str", "L1Loss", {}, [(None, ("py", "abc")), (None, ("randn", (4,)))], {}),
    ("ce_shape", "CrossEntropyLoss", {}, [(None, ("randn", (2, 3))), (None, ("int", (3,), 0, 3))], {}),
]


def make_args(kwargs, ms):
    """Constructor kwargs with the markers turned into objects of the package ``ms`` (mindspore or lightspore)."""
    def conv(v):
        if isinstance(v, tuple) and v and isinstance(v[0], str) and v[0].startswith("@"):
            if v[0] == "@ops":
                return getattr(ms.ops, v[1])
            if v[0] == "@cell":
                return getattr(ms.nn, v[1])(**make_args(v[2], ms))
            if v[0] == "@dtype":
                return getattr(ms, v[1])
            if v[0] == "@tensor":
                import numpy as np
                return ms.Tensor(np.array(v[1], dtype=v[2]))
        if isinstance(v, tuple):
            return tuple(conv(x) for x in v)
        return v
    return {k: conv(v) for k, v in kwargs.items()}


def class_names():
    return sorted({c[1] for c in CASES} | {c[1] for c in CTOR_ERRORS} | {c[1] for c in CALL_ERRORS})


# ---- the procedure shared by the generator and the test (``ms`` is mindspore or lightspore)

def make_values(inputs, rng):
    """numpy values of the inputs (None for "same")."""
    import numpy as np
    out = []
    for _, spec in inputs:
        kind = spec[0]
        if kind == "same":
            out.append(None)
        elif kind in ("randn", "fmask"):
            out.append(rng.standard_normal(spec[1]).astype(np.float32))
        elif kind == "pos":
            out.append(rng.uniform(0.1, 2.1, spec[1]).astype(np.float32))
        elif kind == "unit":
            out.append(rng.random(spec[1]).astype(np.float32))
        elif kind in ("causal", "u8causal"):
            m = np.triu(np.ones((spec[1], spec[2]), bool), k=1)
            out.append(m.astype(np.uint8) if kind == "u8causal" else m)
        elif kind == "kpm":
            out.append(np.arange(spec[2])[None, :] >= np.array(spec[3])[:, None])
        elif kind in ("int", "int64"):
            out.append(rng.integers(spec[2], spec[3], spec[1]).astype(np.int32 if kind == "int" else np.int64))
        elif kind == "int8u":
            out.append(rng.integers(0, 256, spec[1]).astype(np.uint8))
        elif kind == "near":
            base = out[spec[1]]
            out.append((base + spec[2] * rng.standard_normal(base.shape)).astype(np.float32))
        elif kind == "spd":
            b = rng.standard_normal((spec[1], spec[2], spec[2]))
            out.append((b @ b.transpose(0, 2, 1) + spec[2] * np.eye(spec[2])).astype(np.float32))
        elif kind in ("pyfloat", "py"):
            out.append(spec[1])
        elif kind == "const":
            out.append(np.array(spec[1], dtype=spec[2]))
        else:
            raise ValueError(kind)
    return out


def diff_positions(inputs):
    return [i for i, (_, spec) in enumerate(inputs) if spec[0] in ("randn", "pos", "unit", "near", "spd")]


def to_tensors(inputs, values, ms):
    ts = [ms.Tensor(v) if hasattr(v, "dtype") else v for v in values]
    return resolve(inputs, ts)


def resolve(inputs, ts):
    ts = list(ts)
    for i, (_, spec) in enumerate(inputs):
        if spec[0] == "same":
            ts[i] = ts[spec[1]]
    return ts


def call(net, inputs, ts, call_kwargs):
    args = [t for (k, _), t in zip(inputs, ts) if k is None]
    kw = {k: t for (k, _), t in zip(inputs, ts) if k is not None}
    kw.update(call_kwargs)
    return net(*args, **kw)


def flat(out):
    """The outputs of a call as one flat tuple (nested tuples flattened, in order)."""
    if isinstance(out, (tuple, list)):
        res = ()
        for o in out:
            res += flat(o)
        return res
    return (out,)


def float_outputs(outs):
    return [i for i, o in enumerate(outs) if "Float" in str(o.dtype)]


def loss_fn(net, inputs, ts, call_kwargs, cots, diff):
    """sum_i (out_i * cot_i) over the float outputs, as a function of the differentiated inputs."""
    def loss(*xs):
        cur = list(ts)
        for j, x in zip(diff, xs):
            cur[j] = x
        outs = flat(call(net, inputs, resolve(inputs, cur), call_kwargs))
        total = None
        for i, c in cots.items():
            term = (outs[i] * c).sum()
            total = term if total is None else total + term
        return total
    return loss


def param_value(name, shape, rng):
    import numpy as np
    v = (rng.standard_normal(shape) * 0.5).astype(np.float32)
    if "variance" in name:
        v = np.abs(v) + 0.5
    return v
