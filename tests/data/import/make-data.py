#!/usr/bin/env python3
# make-data.py — writes the import test files byte for byte (encodings, line
# ends and byte order marks are the point of them). Run it here; the files
# are committed, so the tests do not need it.
# SPDX-License-Identifier: GPL-3.0-or-later

rows = (
    'ФИО;Телефон;Дата рождения;Примечание\r\n'
    'Иванова Мария Петровна;+7 912 345-67-89;12.03.1990;"Любит кофе; без сахара"\r\n'
    'Петров Пётр;89123456780;;"Говорит: ""только к Ольге"""\r\n'
    '"Сидорова; Анна";8 (343) 123-45-67;1985-07-01;"Первая строка\r\n'
    'Вторая строка"\r\n'
    'John Smith;+44 20 7946 0958;;\r\n'
    '\r\n'
    'Кузнецова Ольга;7.91234E+10;05.11;\r\n'
    ';;;\r\n'
)
open('clients-cp1251.csv', 'wb').write(rows.encode('cp1251'))
open('clients-utf8-bom.csv', 'wb').write(b'\xef\xbb\xbf' + rows.encode('utf-8'))

tab = (
    'Имя\tФамилия\tМобильный\tE-mail\tДР\r\n'
    'Мария\tИванова\t+79123456789\tm@example.ru\t12.03\r\n'
    'Anna\tSmith\t+7 912 000-11-22\t\t\r\n'
)
open('clients-utf16.txt', 'wb').write(b'\xff\xfe' + tab.encode('utf-16-le'))

google = (
    'Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,'
    'E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n'
    'Anna Smith,Anna,,Smith,1990-03-12,VIP client,* myContacts ::: Friends,* Home,anna@example.com,'
    'Mobile,+7 912 000-11-22,Work,+7 343 222-33-44\n'
    'Мария Иванова,Мария,,Иванова,--03-12,,* myContacts,,,Mobile,8 912 111 22 33,,\n'
)
open('google-contacts.csv', 'wb').write(google.encode('utf-8'))

comma = (
    'Full name,Phone,Home Phone,Email,Birthday,Notes,Notes\n'
    '"Smith, Jane",+1 555 123 4567,+1 555 765 4321,jane@example.com,1980-01-02,first,second\n'
    'Ольга Кузнецова,+7 912 000 11 22,,,,,\n'
)
open('clients-comma.csv', 'wb').write(comma.encode('utf-8'))

vcf = (
    'BEGIN:VCARD\r\n'                                                            # 1
    'VERSION:2.1\r\n'
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD=D0=BE=D0=B2=D0=B0;=D0=9C=D0=B0=D1=80=D0=B8=D1=8F;;;\r\n'
    'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9C=D0=B0=D1=80=D0=B8=D1=8F =D0=98=D0=B2=D0=B0=D0=BD=D0=BE=\r\n'
    '=D0=B2=D0=B0\r\n'                                                           # 5
    'TEL;CELL:+7 912 345-67-89\r\n'
    'TEL;HOME:+7 343 123-45-67\r\n'
    'TEL;WORK:8 800 555-35-35\r\n'
    'TEL;CELL:+7 912 345-67-89\r\n'
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=D0=9B=D1=8E=D0=B1=D0=B8=D1=82 =D0=BA=D0=BE=D1=84=D0=B5=0D=0A=\r\n'  # 10
    '=D0=B1=D0=B5=D0=B7 =D1=81=D0=B0=D1=85=D0=B0=D1=80=D0=B0\r\n'
    'BDAY:19900312\r\n'
    'END:VCARD\r\n'
    'BEGIN:VCARD\r\n'                                                            # 14
    'VERSION:3.0\r\n'
    'N:Smith;John;;;\r\n'
    'FN:John Smith\r\n'
    'item1.TEL;TYPE=HOME:+44 20 7946 0958\r\n'
    'TEL;TYPE=CELL,VOICE:+44 7700 900123\r\n'
    'EMAIL;TYPE=INTERNET:john@example.com\r\n'                                  # 20
    'EMAIL;TYPE=WORK:j.smith@example.org\r\n'
    'BDAY:1985-07-01\r\n'
    'CATEGORIES:VIP,Friends\\, old\r\n'
    'NOTE:A long note that is folded over\r\n'
    '  two lines; path C:\\Users\\john\r\n'                                      # 25
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n'
    ' /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\r\n'
    'END:VCARD\r\n'
    '\r\n'
    'BEGIN:VCARD\n'                                                              # 30
    'VERSION:4.0\n'
    'FN:Ольга Кузнецова\n'
    'N:Кузнецова;Ольга;;;\n'
    'TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+7-912-000-11-22\n'
    'BDAY:--0511\n'                                                              # 35
    'EMAIL:olga@example.ru\n'
    'CATEGORIES:Постоянные\n'
    'END:VCARD\n'
).encode('utf-8')
vcf += (
    'BEGIN:VCARD\r\n'                                                            # 39
    'VERSION:2.1\r\n'
    'N;CHARSET=WINDOWS-1251:Петров;Пётр\r\n'
    'TEL;PREF:89123456780\r\n'
    'END:VCARD\r\n'
).encode('cp1251')
open('contacts.vcf', 'wb').write(vcf)

missing_end = (
    'BEGIN:VCARD\r\n'
    'VERSION:3.0\r\n'
    'FN:Anna\r\n'
    'END:VCARD\r\n'
    'BEGIN:VCARD\r\n'        # 5: never ends
    'VERSION:3.0\r\n'
    'FN:Boris\r\n'
    'TEL:+79120000000\r\n'
    'BEGIN:VCARD\r\n'
    'FN:Clara\r\n'
    'END:VCARD\r\n'
)
open('missing-end.vcf', 'wb').write(missing_end.encode('utf-8'))

visits = (
    'Дата;Время;Телефон;Клиент;Услуга;Мастер;Сумма\r\n'
    '12.03.2024;14:30;+7 912 345-67-89;Иванова Мария;Стрижка;Ольга;1 500\r\n'
    '13.03.2024 10:00;;89123456780;Петров Пётр;Маникюр;Анна;"1500,00"\r\n'
)
open('visits.csv', 'wb').write(visits.encode('cp1251'))
