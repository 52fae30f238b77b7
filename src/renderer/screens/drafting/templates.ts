import type { DraftInput } from '../../../shared/api/schemas/draft.ts';

// Starting points for a new draft, one per type: the examples of docs/drafting.md
// (resources/drafts/examples), copied here because the renderer cannot read resources/ at run
// time. The clerk overwrites them; the other named types start from the generic form (chỉ thị).
export const DRAFT_TEMPLATES: Readonly<Record<string, DraftInput>> = {
  'cong-van': {
    "documentType": "cong-van",
    "unitAbbreviation": "VP",
    "subject": "triển khai công tác chuyển đổi số năm 2026 trên địa bàn xã",
    "recipients": [
      "Các thôn trên địa bàn xã",
      "Trường Tiểu học Hòa Tiến",
      "Trạm Y tế xã"
    ],
    "body": [
      {
        "type": "paragraph",
        "text": "Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân thành phố về chuyển đổi số năm 2026, Ủy ban nhân dân xã đề nghị các đơn vị triển khai một số nội dung sau:"
      },
      {
        "type": "paragraph",
        "text": "1. Rà soát, cập nhật danh sách hộ gia đình sử dụng dịch vụ công trực tuyến; hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử (VNeID), tài khoản thanh toán điện tử."
      },
      {
        "type": "paragraph",
        "text": "2. Bố trí cán bộ đầu mối phụ trách chuyển đổi số, gửi danh sách về Văn phòng - Thống kê xã trước ngày 20 tháng 01 năm 2026 để tổng hợp."
      },
      {
        "type": "paragraph",
        "text": "Đề nghị các đơn vị quan tâm, phối hợp thực hiện./."
      }
    ],
    "signer": {
      "competence": "KT",
      "authority": "Chủ tịch",
      "position": "Phó Chủ tịch",
      "fullName": "Trần Thị Bích Ngọc"
    },
    "toPlaces": [
      "Như trên",
      "Thường trực Đảng ủy xã (b/c)",
      "Chủ tịch, các Phó Chủ tịch UBND xã"
    ],
    "priority": "khan",
    "drafterCode": "nva",
    "copies": 8
  },
  'quyet-dinh': {
    "documentType": "quyet-dinh",
    "subject": "Về việc thành lập Tổ công tác chuyển đổi số xã Hòa Tiến năm 2026",
    "issuerTitle": "Chủ tịch Ủy ban nhân dân xã Hòa Tiến",
    "legalBases": [
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
      "Theo đề nghị của công chức Văn phòng - Thống kê xã"
    ],
    "body": [
      {
        "type": "article",
        "title": "Thành lập Tổ công tác chuyển đổi số xã Hòa Tiến năm 2026, gồm các ông (bà) có tên sau:",
        "clauses": [
          {
            "text": "Ông Nguyễn Văn An, Chủ tịch UBND xã - Tổ trưởng;"
          },
          {
            "text": "Bà Trần Thị Bích Ngọc, Phó Chủ tịch UBND xã - Tổ phó;"
          },
          {
            "text": "Các thành viên:",
            "points": [
              "Ông Lê Văn Cường, công chức Văn phòng - Thống kê;",
              "Bà Phạm Thị Dung, công chức Văn hóa - Xã hội;",
              "Ông Đặng Quốc Đạt, công chức Tư pháp - Hộ tịch."
            ]
          }
        ]
      },
      {
        "type": "article",
        "title": "Nhiệm vụ của Tổ công tác",
        "paragraphs": [
          "Tham mưu Ủy ban nhân dân xã xây dựng và tổ chức thực hiện kế hoạch chuyển đổi số năm 2026; hướng dẫn, kiểm tra, đôn đốc các thôn triển khai; tổng hợp, báo cáo kết quả định kỳ hằng quý."
        ]
      },
      {
        "type": "article",
        "title": "Hiệu lực thi hành",
        "paragraphs": [
          "Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, các ông (bà) có tên tại Điều 1 và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        ]
      }
    ],
    "signer": {
      "competence": null,
      "position": "Chủ tịch",
      "fullName": "Nguyễn Văn An"
    },
    "toPlaces": [
      "Như Điều 3",
      "UBND thành phố (b/c)",
      "Thường trực Đảng ủy xã (b/c)"
    ],
    "unitAbbreviation": "VP"
  },
  'to-trinh': {
    "documentType": "to-trinh",
    "unitAbbreviation": "VP",
    "subject": "Về việc đề nghị phê duyệt kinh phí sửa chữa nhà văn hóa thôn Phước Hưng",
    "recipients": [
      "Ủy ban nhân dân thành phố Đà Nẵng"
    ],
    "body": [
      {
        "type": "paragraph",
        "text": "Nhà văn hóa thôn Phước Hưng được xây dựng năm 2008, đến nay mái tôn bị dột, tường nứt nhiều chỗ, không bảo đảm an toàn khi tổ chức sinh hoạt cộng đồng trong mùa mưa bão."
      },
      {
        "type": "paragraph",
        "text": "Ủy ban nhân dân xã Hòa Tiến kính trình Ủy ban nhân dân thành phố xem xét, phê duyệt kinh phí sửa chữa với tổng dự toán là 450.000.000 đồng (Bốn trăm năm mươi triệu đồng) từ nguồn ngân sách thành phố năm 2026."
      },
      {
        "type": "paragraph",
        "text": "Kính trình Ủy ban nhân dân thành phố xem xét, quyết định./."
      }
    ],
    "signer": {
      "competence": "TM",
      "authority": "Ủy ban nhân dân",
      "position": "Chủ tịch",
      "fullName": "Nguyễn Văn An"
    },
    "toPlaces": [
      "Như trên",
      "Phòng Tài chính - Kế hoạch thành phố"
    ]
  },
  'bao-cao': {
    "documentType": "bao-cao",
    "unitAbbreviation": "VP",
    "subject": "Kết quả thực hiện nhiệm vụ kinh tế - xã hội quý I năm 2026",
    "body": [
      {
        "type": "heading",
        "text": "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"
      },
      {
        "type": "heading",
        "text": "1. Về tiếp nhận và giải quyết thủ tục hành chính"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ tiếp nhận và giải quyết thủ tục hành chính; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ tiếp nhận và giải quyết thủ tục hành chính; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ tiếp nhận và giải quyết thủ tục hành chính; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "2. Về công tác văn thư, lưu trữ"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ công tác văn thư, lưu trữ; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ công tác văn thư, lưu trữ; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ công tác văn thư, lưu trữ; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "3. Về chuyển đổi số và dịch vụ công trực tuyến"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ chuyển đổi số và dịch vụ công trực tuyến; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ chuyển đổi số và dịch vụ công trực tuyến; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ chuyển đổi số và dịch vụ công trực tuyến; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "4. Về quốc phòng, an ninh, trật tự an toàn xã hội"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ quốc phòng, an ninh, trật tự an toàn xã hội; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ quốc phòng, an ninh, trật tự an toàn xã hội; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ quốc phòng, an ninh, trật tự an toàn xã hội; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "5. Về văn hóa, giáo dục, y tế"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ văn hóa, giáo dục, y tế; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ văn hóa, giáo dục, y tế; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ văn hóa, giáo dục, y tế; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "6. Về nông nghiệp và phát triển nông thôn"
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ nông nghiệp và phát triển nông thôn; kết quả đạt 80% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ nông nghiệp và phát triển nông thôn; kết quả đạt 85% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "paragraph",
        "text": "Trong quý I năm 2026, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn tập trung thực hiện nhiệm vụ nông nghiệp và phát triển nông thôn; kết quả đạt 90% kế hoạch đề ra, tăng so với cùng kỳ năm trước. Một số khó khăn, vướng mắc phát sinh đã được tổng hợp, kiến nghị cấp trên xem xét, tháo gỡ kịp thời, bảo đảm tiến độ và chất lượng công việc theo đúng quy định của pháp luật."
      },
      {
        "type": "heading",
        "text": "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026"
      },
      {
        "type": "paragraph",
        "text": "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng giải quyết thủ tục hành chính; thực hiện tốt công tác phòng, chống thiên tai; bảo đảm quốc phòng, an ninh trên địa bàn./."
      }
    ],
    "signer": {
      "competence": "TM",
      "authority": "Ủy ban nhân dân",
      "position": "Chủ tịch",
      "fullName": "Nguyễn Văn An"
    },
    "toPlaces": [
      "UBND thành phố (b/c)",
      "Thường trực Đảng ủy xã (b/c)",
      "Các thôn"
    ],
    "drafterCode": "LVC",
    "copies": 12
  },
  'thong-bao': {
    "documentType": "thong-bao",
    "unitAbbreviation": "VP",
    "subject": "Lịch tiếp công dân của lãnh đạo Ủy ban nhân dân xã tháng 02 năm 2026",
    "body": [
      {
        "type": "paragraph",
        "text": "Ủy ban nhân dân xã Hòa Tiến thông báo lịch tiếp công dân định kỳ của Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân xã trong tháng 02 năm 2026 như sau:"
      },
      {
        "type": "paragraph",
        "text": "1. Thời gian: sáng thứ Năm hằng tuần, từ 07 giờ 30 đến 11 giờ 00."
      },
      {
        "type": "paragraph",
        "text": "2. Địa điểm: Phòng tiếp công dân, trụ sở Ủy ban nhân dân xã."
      },
      {
        "type": "paragraph",
        "text": "Ủy ban nhân dân xã thông báo để công dân biết, liên hệ./."
      }
    ],
    "signer": {
      "competence": "KT",
      "authority": "Chủ tịch",
      "position": "Phó Chủ tịch",
      "fullName": "Trần Thị Bích Ngọc",
      "onBehalfOf": "Ủy ban nhân dân"
    },
    "toPlaces": [
      "Các thôn",
      "Đài truyền thanh xã",
      "Niêm yết tại trụ sở"
    ],
    "priority": "thuong-khan"
  },
  'ke-hoach': {
    "documentType": "ke-hoach",
    "unitAbbreviation": "VHXH",
    "subject": "Tổ chức các hoạt động mừng Đảng, mừng Xuân Bính Ngọ năm 2026",
    "body": [
      {
        "type": "heading",
        "text": "I. MỤC ĐÍCH, YÊU CẦU"
      },
      {
        "type": "paragraph",
        "text": "Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao vui tươi, lành mạnh, tiết kiệm, tạo không khí phấn khởi trong Nhân dân."
      },
      {
        "type": "heading",
        "text": "II. NỘI DUNG"
      },
      {
        "type": "paragraph",
        "text": "1. Trang trí cờ, băng rôn, khẩu hiệu tại trụ sở và các tuyến đường chính."
      },
      {
        "type": "paragraph",
        "text": "2. Tổ chức hội thi văn nghệ quần chúng giữa các thôn vào ngày 25 tháng 01 năm 2026."
      },
      {
        "type": "heading",
        "text": "III. TỔ CHỨC THỰC HIỆN"
      },
      {
        "type": "paragraph",
        "text": "Giao công chức Văn hóa - Xã hội chủ trì, phối hợp các đơn vị liên quan triển khai Kế hoạch này./."
      }
    ],
    "signer": {
      "competence": "TM",
      "authority": "Ủy ban nhân dân",
      "position": "Chủ tịch",
      "fullName": "Nguyễn Văn An"
    },
    "toPlaces": [
      "Thường trực Đảng ủy xã",
      "Các ban, ngành, đoàn thể xã",
      "Các thôn"
    ],
    "secrecy": null
  },
  'giay-moi': {
    "documentType": "giay-moi",
    "unitAbbreviation": "VP",
    "subject": "Dự hội nghị sơ kết công tác quý I năm 2026",
    "recipients": [
      "Trưởng các thôn trên địa bàn xã"
    ],
    "body": [
      {
        "type": "paragraph",
        "text": "Ủy ban nhân dân xã Hòa Tiến trân trọng kính mời Trưởng các thôn dự hội nghị sơ kết công tác quý I năm 2026."
      },
      {
        "type": "paragraph",
        "text": "Thời gian: 08 giờ 00, thứ Sáu, ngày 03 tháng 4 năm 2026."
      },
      {
        "type": "paragraph",
        "text": "Địa điểm: Hội trường Ủy ban nhân dân xã."
      },
      {
        "type": "paragraph",
        "text": "Rất mong các đồng chí đến dự đúng giờ./."
      }
    ],
    "signer": {
      "competence": "KT",
      "authority": "Chủ tịch",
      "position": "Phó Chủ tịch",
      "fullName": "Trần Thị Bích Ngọc"
    },
    "toPlaces": [
      "Như trên"
    ]
  },
  'giay-gioi-thieu': {
    "documentType": "giay-gioi-thieu",
    "unitAbbreviation": "VP",
    "body": [
      {
        "type": "paragraph",
        "text": "Ủy ban nhân dân xã Hòa Tiến trân trọng giới thiệu: Ông Lê Văn Cường, chức vụ: công chức Văn phòng - Thống kê."
      },
      {
        "type": "paragraph",
        "text": "Được cử đến: Trung tâm Lưu trữ lịch sử thành phố Đà Nẵng."
      },
      {
        "type": "paragraph",
        "text": "Về việc: giao nộp hồ sơ, tài liệu lưu trữ năm 2020 của Ủy ban nhân dân xã."
      },
      {
        "type": "paragraph",
        "text": "Đề nghị Quý cơ quan tạo điều kiện để ông Lê Văn Cường hoàn thành nhiệm vụ. Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2026./."
      }
    ],
    "signer": {
      "competence": "TL",
      "authority": "Chủ tịch",
      "position": "Công chức Văn phòng - Thống kê",
      "fullName": "Phạm Thị Hoa"
    },
    "toPlaces": []
  },
  'bien-ban': {
    "documentType": "bien-ban",
    "unitAbbreviation": "VP",
    "subject": "Họp giao ban Ủy ban nhân dân xã tháng 01 năm 2026",
    "body": [
      {
        "type": "paragraph",
        "text": "Thời gian bắt đầu: 14 giờ 00, ngày 26 tháng 01 năm 2026."
      },
      {
        "type": "paragraph",
        "text": "Địa điểm: Phòng họp Ủy ban nhân dân xã Hòa Tiến."
      },
      {
        "type": "paragraph",
        "text": "Thành phần tham dự: Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân xã và công chức chuyên môn."
      },
      {
        "type": "paragraph",
        "text": "Chủ trì: ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã. Thư ký: ông Lê Văn Cường."
      },
      {
        "type": "heading",
        "text": "Nội dung cuộc họp:"
      },
      {
        "type": "paragraph",
        "text": "Các bộ phận báo cáo kết quả công tác tháng 01, đề xuất nhiệm vụ tháng 02 năm 2026. Chủ tọa kết luận, giao nhiệm vụ cụ thể cho từng bộ phận."
      },
      {
        "type": "paragraph",
        "text": "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./."
      }
    ],
    "signer": {
      "competence": null,
      "position": "Chủ tọa",
      "fullName": "Nguyễn Văn An"
    },
    "coSigner": {
      "position": "Thư ký",
      "fullName": "Lê Văn Cường"
    },
    "toPlaces": [
      "Các thành viên dự họp"
    ]
  },
  'chi-thi': {
    "documentType": "chi-thi",
    "unitAbbreviation": "VP",
    "subject": "Về việc tăng cường công tác phòng, chống cháy rừng mùa khô năm 2026",
    "body": [
      {
        "type": "paragraph",
        "text": "Mùa khô năm 2026 dự báo nắng nóng kéo dài, nguy cơ cháy rừng trên địa bàn xã ở mức cao. Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân xã chỉ thị:"
      },
      {
        "type": "paragraph",
        "text": "1. Trưởng các thôn tuyên truyền, vận động Nhân dân không đốt nương, rẫy trong những ngày nắng nóng cao điểm."
      },
      {
        "type": "paragraph",
        "text": "2. Ban Chỉ huy Quân sự xã, Công an xã bố trí lực lượng trực 24/24 giờ, sẵn sàng ứng cứu khi có cháy."
      },
      {
        "type": "paragraph",
        "text": "Yêu cầu các đơn vị nghiêm túc thực hiện Chỉ thị này./."
      }
    ],
    "signer": {
      "competence": null,
      "position": "Chủ tịch",
      "fullName": "Nguyễn Văn An"
    },
    "toPlaces": [
      "Các thôn",
      "Công an xã",
      "Ban Chỉ huy Quân sự xã"
    ],
    "priority": "hoa-toc"
  },
};
