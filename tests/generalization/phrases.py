"""Word banks of the genre, written for the generator (not taken from the samples)."""

from __future__ import annotations

# How plans print a field's name: in summary tables, headings and result lines.
FIELD_NAMES = {
    ("CCHC", "1"): (
        "Công tác chỉ đạo, điều hành cải cách hành chính", "Chỉ đạo điều hành CCHC",
        "Công tác chỉ đạo, điều hành CCHC",
    ),
    ("CCHC", "2"): (
        "Cải cách thể chế", "Công tác cải cách thể chế",
        "Xây dựng và tổ chức thực hiện văn bản QPPL",
    ),
    ("CCHC", "3"): ("Cải cách thủ tục hành chính", "Cải cách TTHC"),
    ("CCHC", "4"): ("Cải cách tổ chức bộ máy", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    ("CCHC", "5"): ("Cải cách chế độ công vụ",),
    ("CCHC", "6"): ("Cải cách tài chính công",),
    ("CCHC", "7"): (
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "Xây dựng, phát triển chính quyền điện tử, chính quyền số",
    ),
    ("CCHC", "8"): (
        "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế xã hội",
        "Tác động của cải cách hành chính",
    ),
    ("CCHC", "XHH"): ("Điểm điều tra XHH", "Điều tra xã hội học"),
    ("CCHC", "SIPAS"): (
        "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
        "nhà nước",
    ),
    ("CCHC", "KTXH"): ("Tác động của CCHC đến phát triển kinh tế - xã hội",),
    ("CCHC", "THUONG_TRU"): ("Điểm thưởng, điểm trừ",),
    ("PAPI", "0"): ("Công tác chỉ đạo, điều hành (PAPI)",),
    ("PAPI", "1"): ("Tham gia của người dân ở cấp cơ sở",),
    ("PAPI", "2"): ("Công khai, minh bạch",),
    ("PAPI", "3"): ("Trách nhiệm giải trình với người dân",),
    ("PAPI", "4"): ("Kiểm soát tham nhũng trong khu vực công",),
    ("PAPI", "5"): ("Thủ tục hành chính công",),
    ("PAPI", "6"): ("Cung ứng dịch vụ công",),
    ("PAPI", "7"): ("Quản trị môi trường",),
    ("PAPI", "8"): ("Quản trị điện tử",),
}  # fmt: skip

# Upper-case heading rows of criteria tables, by field.
FIELD_HEADINGS = {
    "1": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "2": "CẢI CÁCH THỂ CHẾ",
    "3": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "4": "CẢI CÁCH TỔ CHỨC BỘ MÁY",
    "5": "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "6": "CẢI CÁCH TÀI CHÍNH CÔNG",
    "7": "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "8": "TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI",
}
GROUP_HEADINGS = {
    "7a": "XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "7b": "ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG ISO 9001",
    "8b": "TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI",
}
GROUP_TITLES = {
    "7a": "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
    "7b": "Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
}

TASKS = {
    ("CCHC", "1"): (
        "Rà soát toàn bộ nhiệm vụ của Kế hoạch CCHC năm {next}, phân công cụ thể từng nội "
        "dung cho cán bộ, công chức và kiểm điểm tiến độ tại cuộc họp giao ban hằng tháng.",
        "Xây dựng báo cáo CCHC định kỳ bảo đảm đủ nội dung, số liệu theo đề cương hướng dẫn và "
        "gửi đúng thời hạn quy định.",
        "Lựa chọn ít nhất một sáng kiến, giải pháp về cải cách hành chính để đăng ký công "
        "nhận trong năm {next}.",
        "Tổ chức hội nghị đối thoại giữa Chủ tịch UBND {unit} với người dân, doanh nghiệp; "
        "theo dõi việc xử lý các kiến nghị sau đối thoại.",
        "Đa dạng hóa hình thức tuyên truyền CCHC trên hệ thống truyền thanh, trang thông tin "
        "điện tử và tại các cuộc họp thôn, tổ dân phố.",
        "Lập sổ theo dõi nhiệm vụ cấp trên giao, bảo đảm hoàn thành đúng hạn 100% nhiệm vụ.",
    ),
    ("CCHC", "2"): (
        "Theo dõi tình hình thi hành pháp luật trên địa bàn, lập hồ sơ kiểm chứng đầy đủ cho "
        "từng đợt kiểm tra.",
        "Tổ chức triển khai kịp thời các văn bản quy phạm pháp luật mới ban hành đến cán bộ, "
        "công chức và Nhân dân.",
        "Rà soát, hệ thống hóa văn bản do HĐND, UBND {unit} ban hành và công bố danh mục văn "
        "bản hết hiệu lực đúng quy định.",
        "Nâng cao chất lượng tham gia góp ý dự thảo văn bản của cấp trên khi có yêu cầu.",
    ),
    ("CCHC", "3"): (
        "Niêm yết đầy đủ, cập nhật kịp thời bộ thủ tục hành chính tại Bộ phận Một cửa và trên "
        "trang thông tin điện tử của {unit}.",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ngay khi tiếp nhận, bảo đảm tỷ lệ "
        "theo chỉ tiêu được giao.",
        "Thực hiện nghiêm việc xin lỗi tổ chức, cá nhân bằng văn bản đối với hồ sơ giải quyết "
        "quá hạn.",
        "Cập nhật đầy đủ các trường thông tin và luân chuyển hồ sơ đúng quy trình trên Hệ "
        "thống thông tin giải quyết thủ tục hành chính của tỉnh.",
        "Rà soát, đánh giá thủ tục hành chính và đề xuất phương án đơn giản hóa có số liệu "
        "chi phí tuân thủ cụ thể.",
        "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị và xử lý dứt điểm các phản ánh trong "
        "thời hạn.",
    ),
    ("CCHC", "4"): (
        "Rà soát chức năng, nhiệm vụ của các chức danh công chức, bảo đảm không chồng chéo.",
        "Tổ chức đánh giá việc thực hiện Quy chế làm việc của UBND {unit} năm {next}.",
        "Thực hiện đúng các quy định về phân cấp, ủy quyền trong quản lý nhà nước.",
    ),
    ("CCHC", "5"): (
        "Xây dựng và thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm {next}, "
        "phấn đấu hoàn thành 100% chỉ tiêu.",
        "Đánh giá, xếp loại chất lượng cán bộ, công chức đúng trình tự, có đủ hồ sơ kiểm chứng.",
        "Tăng cường kỷ luật, kỷ cương hành chính; kiểm tra đột xuất việc chấp hành giờ giấc làm "
        "việc.",
        "Báo cáo định kỳ, đột xuất về công tác cán bộ, công chức đúng thời hạn và đủ tài liệu "
        "kèm theo.",
    ),
    ("CCHC", "6"): (
        "Đẩy nhanh tiến độ giải ngân vốn đầu tư công và vốn các Chương trình mục tiêu quốc "
        "gia theo kế hoạch.",
        "Cập nhật số liệu tài sản công vào Cơ sở dữ liệu quốc gia về tài sản công.",
        "Công khai dự toán, quyết toán ngân sách {unit} đúng thời gian và hình thức quy định.",
        "Rà soát, sửa đổi Quy chế chi tiêu nội bộ phù hợp với quy định hiện hành.",
    ),
    ("CCHC", "7"): (
        "Sử dụng đầy đủ các nền tảng, hệ thống số dùng chung của tỉnh trong xử lý công việc.",
        "Vận động người dân đăng ký chữ ký số, tài khoản định danh điện tử mức độ 2.",
        "Cập nhật thường xuyên tin, bài và văn bản chỉ đạo trên trang thông tin điện tử.",
        "Hướng dẫn người dân nộp hồ sơ trực tuyến và thanh toán phí, lệ phí qua Cổng Dịch vụ "
        "công quốc gia.",
        "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015; sắp xếp, lưu "
        "trữ hồ sơ đúng quy định.",
    ),
    ("CCHC", "8"): (
        "Tập trung thu hút đầu tư, tạo điều kiện cho doanh nghiệp, hợp tác xã mở rộng sản xuất "
        "trên địa bàn.",
        "Phấn đấu hoàn thành và vượt các chỉ tiêu phát triển kinh tế - xã hội do HĐND {unit} "
        "giao.",
        "Tăng cường quản lý nguồn thu, chống thất thu ngân sách từ hoạt động sản xuất, kinh "
        "doanh.",
    ),
    ("CCHC", "XHH"): (
        "Nâng cao thái độ phục vụ, tinh thần trách nhiệm của công chức khi tiếp nhận và giải "
        "quyết hồ sơ.",
        "Phát phiếu lấy ý kiến người dân sau mỗi lần giao dịch tại Bộ phận Một cửa.",
    ),
    ("CCHC", "SIPAS"): (
        "Khảo sát định kỳ mức độ hài lòng của người dân và tổ chức, công bố kết quả công khai.",
    ),
    ("CCHC", "KTXH"): ("Hỗ trợ hộ kinh doanh chuyển đổi thành doanh nghiệp nhỏ và vừa.",),
    ("CCHC", "THUONG_TRU"): (
        "Khuyến khích cán bộ, công chức đăng ký sáng kiến CCHC để được cấp huyện công nhận.",
        "Không để phát sinh trường hợp bị cấp trên phê bình, nhắc nhở về công tác CCHC.",
    ),
    ("PAPI", "0"): (
        "Ban hành kế hoạch nâng cao Chỉ số PAPI năm {next} và phân công nhiệm vụ cụ thể.",
        "Lưu trữ đầy đủ tài liệu kiểm chứng kết quả thực hiện kế hoạch PAPI.",
    ),
    ("PAPI", "1"): (
        "Tổ chức để người dân bàn và quyết định các khoản đóng góp xây dựng công trình công cộng.",
        "Phổ biến Luật Thực hiện dân chủ ở cơ sở đến từng hộ gia đình.",
    ),
    ("PAPI", "2"): (
        "Công khai danh sách hộ nghèo, hộ cận nghèo tại nhà văn hóa các thôn.",
        "Niêm yết công khai quy hoạch, kế hoạch sử dụng đất và bảng giá đất tại trụ sở.",
    ),
    ("PAPI", "3"): (
        "Duy trì tiếp công dân định kỳ và giải quyết dứt điểm đơn thư ngay tại cơ sở.",
    ),
    ("PAPI", "4"): (
        "Công khai các khoản thu, chi ngân sách và kết quả kiểm tra công vụ.",
        "Tăng cường giám sát của Mặt trận Tổ quốc trong phòng, chống tham nhũng, tiêu cực.",
    ),
    ("PAPI", "5"): (
        "Rút ngắn thời gian giải quyết hồ sơ chứng thực, hộ tịch và đất đai.",
    ),
    ("PAPI", "6"): (
        "Nâng cao tỷ lệ hộ gia đình được sử dụng nước sạch và thu gom rác thải.",
        "Bảo đảm an ninh trật tự, an toàn giao thông tại các tuyến đường liên thôn.",
    ),
    ("PAPI", "7"): (
        "Kiểm tra, xử lý các cơ sở gây ô nhiễm môi trường trên địa bàn.",
        "Vận động người dân phân loại rác thải tại nguồn.",
    ),
    ("PAPI", "8"): (
        "Hướng dẫn người dân sử dụng Cổng Dịch vụ công và ứng dụng định danh điện tử.",
    ),
}  # fmt: skip

# Appendix-of-tasks kind: maintenance tasks under the unit that leads them.
MAINTENANCE = {
    "VĂN PHÒNG - THỐNG KÊ": (
        "Theo dõi, đôn đốc các bộ phận thực hiện đúng tiến độ các nhiệm vụ của Kế hoạch CCHC "
        "năm {next}.",
        "Tổng hợp, xây dựng báo cáo CCHC hằng quý, 6 tháng và năm đúng thời hạn.",
        "Tham mưu tổ chức kiểm tra công tác CCHC đối với các bộ phận chuyên môn.",
        "Duy trì hoạt động của Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.",
    ),
    "TƯ PHÁP - HỘ TỊCH": (
        "Tham mưu theo dõi thi hành pháp luật và kiểm tra, rà soát văn bản quy phạm pháp luật.",
        "Thực hiện chứng thực bản sao điện tử từ bản chính theo quy định.",
    ),
    "TÀI CHÍNH - KẾ TOÁN": (
        "Quản lý, sử dụng kinh phí ngân sách đúng quy định, thực hành tiết kiệm, chống lãng phí.",
        "Thực hiện công khai ngân sách theo đúng biểu mẫu và thời hạn.",
    ),
    "VĂN HÓA - XÃ HỘI": (
        "Quản trị trang thông tin điện tử, cập nhật tin bài về cải cách hành chính hằng tháng.",
        "Tuyên truyền chuyển đổi số, hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
    ),
}  # fmt: skip

LEADS = {
    "1": ("Văn phòng - Thống kê", "Công chức Văn phòng - Thống kê", "Văn phòng UBND"),
    "2": ("Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"),
    "3": ("Bộ phận Một cửa", "Công chức Văn phòng - Thống kê", "Bộ phận tiếp nhận và trả kết quả"),
    "4": ("Công chức Văn phòng - Thống kê", "Văn phòng UBND"),
    "5": ("Công chức Văn phòng - Thống kê", "Văn phòng - Thống kê"),
    "6": ("Công chức Tài chính - Kế toán", "Kế toán ngân sách"),
    "7": ("Công chức Văn hóa - Xã hội", "Bộ phận Một cửa"),
    "8": ("Công chức Tài chính - Kế toán", "Công chức Địa chính - Xây dựng"),
    "XHH": ("Bộ phận Một cửa",),
    "SIPAS": ("Bộ phận Một cửa",),
    "KTXH": ("Công chức Tài chính - Kế toán",),
    "THUONG_TRU": ("Công chức Văn phòng - Thống kê",),
    "PAPI": ("Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch", "Văn phòng UBND"),
}
PARTNERS = (
    "Các cán bộ, công chức có liên quan",
    "Các ban, ngành, đoàn thể",
    "Bộ phận tiếp nhận và trả kết quả",
    "Các bộ phận chuyên môn",
    "Ban Chỉ đạo CCHC",
    "Các thôn, tổ dân phố",
    "Công chức chuyên môn liên quan",
)
DEADLINES = (
    "Năm {next}", "Thường xuyên", "Quý II/{next}", "Tháng 6/{next}", "Trước ngày 30/9/{next}",
    "Trong năm {next}", "6 tháng đầu năm {next}", "Quý III/{next}", "Hằng quý",
)  # fmt: skip
LABELS = {
    # lead, partners, deadline
    "co_quan": ("Cơ quan chủ trì", "Phối hợp", "Thời gian hoàn thành"),
    "don_vi": ("Đơn vị chủ trì", "Đơn vị phối hợp thực hiện", "Thời gian khắc phục"),
    "chu_tri": ("Chủ trì", "Phối hợp thực hiện", "Thời hạn"),
}

DEFICIENCIES = {
    "max": "chưa đạt điểm tối đa",
    "evidence": "tài liệu kiểm chứng chưa đầy đủ",
    "guidance": "chưa đảm bảo theo hướng dẫn",
    "rate": "chưa đạt tỷ lệ theo quy định",
}
REASONS = (
    "Tài liệu kiểm chứng chưa đầy đủ",
    "Chưa đạt tỷ lệ theo quy định",
    "Báo cáo chưa đúng thời hạn",
    "Thực hiện chưa đảm bảo theo hướng dẫn",
    "Hồ sơ lưu trữ chưa đầy đủ",
    "Chỉ đạt {pct}% so với chỉ tiêu",
    "Chưa cung cấp văn bản chứng minh",
    "Có {n} trường hợp thực hiện chậm so với quy định",
)

PURPOSES = (
    "Khắc phục kịp thời những tồn tại, hạn chế và các tiêu chí bị trừ điểm trong công tác cải "
    "cách hành chính năm {year}.",
    "Xác định rõ trách nhiệm của từng cán bộ, công chức trong việc thực hiện các nhiệm vụ cải "
    "cách hành chính.",
    "Phấn đấu nâng cao Chỉ số cải cách hành chính năm {next} so với năm {year}.",
)
REQUIREMENTS = (
    "Các nhiệm vụ khắc phục phải cụ thể, có sản phẩm và tài liệu kiểm chứng, gắn với Kế hoạch "
    "CCHC năm {next}.",
    "Người đứng đầu các bộ phận chịu trách nhiệm trước Chủ tịch UBND {unit} về kết quả khắc "
    "phục của bộ phận mình.",
)
ORGANISATION = (
    "Các cán bộ, công chức căn cứ nhiệm vụ được giao tại Kế hoạch này khẩn trương tổ chức thực "
    "hiện; định kỳ hằng quý báo cáo kết quả về UBND {unit} (qua Văn phòng - Thống kê).",
    "Giao Văn phòng - Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp báo cáo Chủ "
    "tịch UBND {unit} tại các phiên họp thường kỳ.",
    "Đề nghị Ủy ban MTTQ Việt Nam và các đoàn thể {unit} phối hợp tuyên truyền, giám sát việc "
    "thực hiện Kế hoạch.",
)
ACTIONS_TAKEN = (
    "Sau khi có kết quả công bố Chỉ số, UBND {unit} đã tổ chức hội nghị quán triệt đến toàn "
    "thể cán bộ, công chức, phân tích nguyên nhân các tiêu chí bị trừ điểm.",
    "Đã rà soát các nhiệm vụ trong Kế hoạch CCHC và phân công công chức phụ trách từng nội "
    "dung, kiểm tra tiến độ tại các cuộc họp giao ban.",
    "Công chức chuyên môn đã cập nhật, niêm yết bổ sung các thủ tục hành chính mới và hoàn "
    "thiện hồ sơ kiểm chứng còn thiếu.",
)
RECIPIENTS = (
    "UBND huyện", "Phòng Nội vụ huyện", "Thường trực Đảng ủy", "Thường trực HĐND {unit}",
    "CT, các PCT UBND {unit}", "Ủy ban MTTQ Việt Nam {unit}", "Công chức chuyên môn",
)  # fmt: skip
